package dev.lifecycle.adapters.aws.s3;

import dev.lifecycle.adapters.aws.archive.ArchiveJson;
import dev.lifecycle.adapters.aws.archive.BatchArchiveFormat;
import dev.lifecycle.adapters.aws.archive.UnreadableArchiveObjectException;
import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchiveBatch;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveKeys;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.BatchIndex;
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
import java.util.Map;
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
 * Archive objects in S3, one JSON object per entry, or batch objects with their indexes
 * ({@code docs/archive-format.md}). Every write
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
        // The cause is in the metadata; no object tags: S3 bills every tag every month, per object.
        return putOnce(archive.location(), body, ArchiveJson.CONTENT_TYPE, ArchiveJson.objectMetadata(entry),
                entry.contentSha256(), archive.retention());
    }

    /**
     * The batch object first, then its index, each conditional on its key being free: a retry of the
     * same records finds both there with the same content checksum and is {@code AlreadyStored}.
     */
    @Override
    public StoreOutcome storeBatch(ArchiveBatch batch) {
        BatchArchiveFormat.Encoded encoded;
        try {
            encoded = BatchArchiveFormat.encode(batch);
        } catch (RuntimeException e) {
            return new StoreOutcome.Failed(false, "the batch could not be encoded: " + e);
        }
        StoreOutcome data = putOnce(batch.data(), encoded.data(), BatchArchiveFormat.CONTENT_TYPE,
                BatchArchiveFormat.objectMetadata(batch), batch.contentSha256(), batch.retention());
        if (data instanceof StoreOutcome.Failed) {
            return data;
        }
        StoreOutcome index = putOnce(batch.index(), encoded.index(), BatchArchiveFormat.INDEX_CONTENT_TYPE,
                BatchArchiveFormat.indexMetadata(batch), batch.contentSha256(), batch.retention());
        if (index instanceof StoreOutcome.Failed failed) {
            return new StoreOutcome.Failed(failed.retryable(), "the batch object is stored but its index is not: " + failed.reason());
        }
        return data instanceof StoreOutcome.AlreadyStored && index instanceof StoreOutcome.AlreadyStored
                ? new StoreOutcome.AlreadyStored() : new StoreOutcome.Stored();
    }

    /** One conditional PUT of an archive object, batch object or index; a taken key is compared by the content checksum in its metadata. */
    private StoreOutcome putOnce(ArchiveLocation location, byte[] body, String contentType, Map<String, String> metadata,
                                 String contentSha256, Optional<ArchivalDecision.Retention> retention) {
        PutObjectRequest.Builder put = PutObjectRequest.builder()
                .bucket(location.bucket().value())
                .key(location.key().value())
                .contentType(contentType)
                .contentLength((long) body.length)
                .checksumSHA256(sha256Base64(body))
                .metadata(metadata)
                .ifNoneMatch("*");
        retention.ifPresent(lock -> put
                .objectLockMode(ObjectLockMode.fromValue(lock.mode().name()))
                .objectLockRetainUntilDate(lock.retainUntil()));
        try {
            s3.putObject(put.build(), RequestBody.fromBytes(body));
            return new StoreOutcome.Stored();
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return compareWithExisting(location, contentSha256);
            }
            return failed(e);
        } catch (SdkException e) {
            return failed(e);
        }
    }

    @Override
    public Optional<BatchIndex> readBatchIndex(ArchiveLocation index) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(index.bucket().value())
                    .key(index.key().value()).checksumMode(ChecksumMode.ENABLED));
            return Optional.of(BatchArchiveFormat.readIndex(object.asByteArray(), ArchiveKeys.batchOfIndex(index.key()),
                    index.toString()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    /** A ranged GET of the entry's block alone; its content checksum is verified when the entry is read. */
    @Override
    public Optional<ArchiveEntry> readBatchEntry(ArchiveLocation batch, BatchIndex.Slot slot) {
        String range = "bytes=" + slot.offset() + "-" + (slot.offset() + slot.length() - 1);
        try {
            ResponseBytes<GetObjectResponse> block = s3.getObjectAsBytes(b -> b.bucket(batch.bucket().value())
                    .key(batch.key().value()).range(range));
            if (block.asByteArray().length != slot.length()) {
                throw new UnreadableArchiveObjectException(batch.toString(), "asked for " + range + ", got "
                        + block.asByteArray().length + " bytes: the index does not fit the object");
            }
            return Optional.of(BatchArchiveFormat.readEntry(block.asByteArray(), slot.line(), batch.toString()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                throw new UnreadableArchiveObjectException(batch.toString(), range + " is beyond the object's end: the index does not"
                        + " fit the object", e);
            }
            throw AwsFailures.translate(SERVICE, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    /** The key is taken: by this very entry (a retry), or by something else, which is never overwritten. */
    private StoreOutcome compareWithExisting(ArchiveLocation location, String contentSha256) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(location.bucket().value()).key(location.key().value()));
            String existing = head.metadata().get(ArchiveJson.METADATA_CONTENT_SHA256);
            if (contentSha256.equals(existing)) {
                return new StoreOutcome.AlreadyStored();
            }
            return new StoreOutcome.Failed(false, "different content already archived at " + location
                    + " (content SHA-256 " + existing + ", this write's " + contentSha256 + "); not overwritten");
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
