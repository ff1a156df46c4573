package dev.lifecycle.adapters.aws.s3;

import dev.lifecycle.adapters.aws.archive.ArchiveJson;
import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.archive.StoreArchivePort;
import dev.lifecycle.domain.archive.StoreOutcome;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.failure.DependencyFailureException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Archive objects in S3, one JSON object per entry ({@code docs/archive-format.md}). Every write
 * carries a SHA-256 checksum that S3 verifies, and is conditional on the key being free
 * ({@code If-None-Match: *}): a retry that finds the same content reports {@code AlreadyStored};
 * different content under the key is a permanent failure and is never overwritten.
 */
public final class S3ArchiveStore implements StoreArchivePort, ReadArchivePort {

    private static final String SERVICE = "S3 archive";

    private final S3Client s3;

    public S3ArchiveStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public StoreOutcome store(ArchivalDecision.Archive archive) {
        ArchiveEntry entry = archive.entry();
        byte[] body = ArchiveJson.write(entry);
        PutObjectRequest.Builder put = PutObjectRequest.builder()
                .bucket(archive.location().bucket().value())
                .key(archive.location().key().value())
                .contentType(ArchiveJson.CONTENT_TYPE)
                .contentLength((long) body.length)
                .checksumSHA256(sha256Base64(body))
                // The cause is in the metadata; no object tags: S3 bills every tag every month, per object.
                .metadata(ArchiveJson.objectMetadata(entry))
                .ifNoneMatch("*");
        archive.retention().ifPresent(retention -> put
                .objectLockMode(ObjectLockMode.fromValue(retention.mode().name()))
                .objectLockRetainUntilDate(retention.retainUntil()));
        try {
            s3.putObject(put.build(), RequestBody.fromBytes(body));
            return new StoreOutcome.Stored();
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return compareWithExisting(archive.location(), entry);
            }
            return failed(e);
        } catch (SdkException e) {
            return failed(e);
        }
    }

    /** The key is taken: by this very entry (a retry), or by something else, which is never overwritten. */
    private StoreOutcome compareWithExisting(ArchiveLocation location, ArchiveEntry entry) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(location.bucket().value()).key(location.key().value()));
            String existing = head.metadata().get(ArchiveJson.METADATA_CONTENT_SHA256);
            if (entry.contentSha256().equals(existing)) {
                return new StoreOutcome.AlreadyStored();
            }
            return new StoreOutcome.Failed(false, "different content already archived at " + location
                    + " (content SHA-256 " + existing + ", this record's " + entry.contentSha256() + "); not overwritten");
        } catch (SdkException e) {
            return failed(e);
        }
    }

    @Override
    public Optional<ArchiveEntry> read(ArchiveLocation location) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(location.bucket().value())
                    .key(location.key().value()).checksumMode(ChecksumMode.ENABLED));
            return Optional.of(ArchiveJson.read(object.asByteArray(), location.toString()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public List<String> listFolders(BucketName bucket, String keyPrefix) {
        List<String> folders = new java.util.ArrayList<>();
        String token = null;
        try {
            do {
                String continuation = token;
                ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket.value()).prefix(keyPrefix).delimiter("/")
                        .continuationToken(continuation));
                page.commonPrefixes().forEach(common -> folders.add(common.prefix()));
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
        return folders;
    }

    @Override
    public ArchivePage list(BucketName bucket, String keyPrefix, Optional<String> continuationToken, int limit) {
        try {
            // The page token is the last key of the previous page (start-after), not S3's opaque continuation
            // token: a caller can check it, and a stale or foreign one cannot make S3 answer 400.
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket.value()).prefix(keyPrefix)
                    .startAfter(continuationToken.orElse(null)).maxKeys(limit));
            List<ObjectKey> keys = page.contents().stream().map(object -> new ObjectKey(object.key())).toList();
            return new ArchivePage(keys, Boolean.TRUE.equals(page.isTruncated()) && !keys.isEmpty()
                    ? Optional.of(keys.get(keys.size() - 1).value()) : Optional.empty());
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private static StoreOutcome failed(SdkException e) {
        DependencyFailureException failure = AwsFailures.translate(SERVICE, e);
        return new StoreOutcome.Failed(failure.retryable(), failure.getMessage());
    }

    static String sha256Base64(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
