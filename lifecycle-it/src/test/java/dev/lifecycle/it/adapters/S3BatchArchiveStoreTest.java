package dev.lifecycle.it.adapters;

import static dev.lifecycle.domain.testing.TestPolicies.batched;
import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.ttlRemove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.adapters.aws.archive.BatchArchiveFormat;
import dev.lifecycle.adapters.aws.archive.UnreadableArchiveObjectException;
import dev.lifecycle.adapters.aws.s3.S3ArchiveStore;
import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchivalRules;
import dev.lifecycle.domain.archive.ArchiveBatch;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.BatchIndex;
import dev.lifecycle.domain.archive.StoreOutcome;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Batch objects and their indexes in S3Mock: one gzip file per batch, ranged reads of one entry, idempotent retries. */
@ExtendWith(LocalAwsExtension.class)
class S3BatchArchiveStoreTest {

    private final LocalAws aws;
    private final S3ArchiveStore store;
    private String bucket;
    private RetentionPolicy policy;

    S3BatchArchiveStoreTest(LocalAws aws) {
        this.aws = aws;
        this.store = new S3ArchiveStore(aws.s3());
    }

    @BeforeEach
    void createBucket() {
        bucket = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket));
        policy = batched(TestPolicies.withDestination(draft(), bucket, "archive"))
                .toPolicy(PolicyId.of("orders-retention"), PolicyVersion.initial());
    }

    @Test
    void aBatch_isOneGzipFileOfNdjsonLines_withAnIndex_andEveryEntryReadsBackAloneFromItsBlock() throws Exception {
        // 300 entries of about 1 KB: several blocks of 64 KiB.
        ArchiveBatch batch = batch(300, 1_000, "");

        assertThat(store.storeBatch(batch)).isInstanceOf(StoreOutcome.Stored.class);

        byte[] data = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(batch.data().key().value())).asByteArray();
        String lines = new String(new GZIPInputStream(new ByteArrayInputStream(data)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lines.split("\n")).hasSize(300).allSatisfy(line -> assertThat(line).startsWith("{\"format\":\"lifecycle-archive/1\""));
        assertThat(BatchArchiveFormat.readAll(data, "batch")).isEqualTo(batch.entries());
        HeadObjectResponse head = aws.s3().headObject(b -> b.bucket(bucket).key(batch.data().key().value()));
        assertThat(head.contentType()).isEqualTo("application/gzip");
        assertThat(head.metadata()).containsEntry("lifecycle-format", "lifecycle-batch/1").containsEntry("lifecycle-entries", "300")
                .containsEntry("lifecycle-content-sha256", batch.contentSha256());

        BatchIndex index = store.readBatchIndex(batch.index()).orElseThrow();
        assertThat(index.entries()).hasSize(300);
        assertThat(index.entries().stream().map(e -> e.slot().offset()).distinct().count()).isGreaterThan(3);
        for (int i = 0; i < 300; i += 37) {
            ArchiveEntry read = store.readBatchEntry(batch.data(), index.entries().get(i).slot()).orElseThrow();
            assertThat(read).isEqualTo(batch.entries().get(i));
        }
    }

    @Test
    void storingTheSameBatchAgain_isAlreadyStored_andADifferentOneUnderItsKeysIsRefused() {
        ArchiveBatch batch = batch(5, 100, "");
        store.storeBatch(batch);

        assertThat(store.storeBatch(batch)).isInstanceOf(StoreOutcome.AlreadyStored.class);
        StoreOutcome other = store.storeBatch(batch(5, 100, "changed"));
        assertThat(other).isInstanceOfSatisfying(StoreOutcome.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("different content");
        });
        assertThat(store.readBatchIndex(batch.index()).orElseThrow().contentSha256()).isEqualTo(batch.contentSha256());
    }

    @Test
    void aBatchObjectWhoseIndexIsMissing_getsItOnTheRetry() {
        ArchiveBatch batch = batch(3, 100, "");
        store.storeBatch(batch);
        aws.s3().deleteObject(b -> b.bucket(bucket).key(batch.index().key().value()));
        assertThat(store.readBatchIndex(batch.index())).isEmpty();

        assertThat(store.storeBatch(batch)).isInstanceOf(StoreOutcome.Stored.class);
        assertThat(store.readBatchIndex(batch.index())).isPresent();
    }

    @Test
    void anIndexThatIsNotOne_orDescribesAnotherObject_isReportedUnreadable() {
        ArchiveBatch batch = batch(2, 100, "");
        store.storeBatch(batch);
        ArchiveLocation foreign = new ArchiveLocation(batch.index().bucket(),
                new dev.lifecycle.domain.archive.ObjectKey(batch.index().key().value().replace("-2-", "-3-")));
        byte[] index = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(batch.index().key().value())).asByteArray();
        aws.s3().putObject(b -> b.bucket(bucket).key(foreign.key().value()), RequestBody.fromBytes(index));
        ArchiveLocation garbage = new ArchiveLocation(batch.index().bucket(),
                new dev.lifecycle.domain.archive.ObjectKey(batch.index().key().value().replace("-2-", "-4-")));
        aws.s3().putObject(b -> b.bucket(bucket).key(garbage.key().value()), RequestBody.fromString("not gzip"));

        assertThatThrownBy(() -> store.readBatchIndex(foreign)).isInstanceOf(UnreadableArchiveObjectException.class)
                .hasMessageContaining("is the index of");
        assertThatThrownBy(() -> store.readBatchIndex(garbage)).isInstanceOf(UnreadableArchiveObjectException.class)
                .hasMessageContaining("not gzip");
    }

    @Test
    void aSlotBeyondTheObject_isReportedUnreadable_notAsMissing() {
        ArchiveBatch batch = batch(2, 100, "");
        store.storeBatch(batch);

        assertThatThrownBy(() -> store.readBatchEntry(batch.data(), new BatchIndex.Slot(1_000_000, 100, 0)))
                .isInstanceOf(UnreadableArchiveObjectException.class);
    }

    private ArchiveBatch batch(int entries, int padding, String variant) {
        List<ArchivalDecision.Archive> archives = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            Item item = order("customer#" + i, "order#1", EVENT_TIME.getEpochSecond() - 60)
                    .with("note", AttributeValue.s("x".repeat(padding) + variant));
            archives.add((ArchivalDecision.Archive) ArchivalRules.decide(ttlRemove(item, String.valueOf(1000 + i)), policy));
        }
        return ArchiveBatch.of(policy.destination(), archives);
    }
}
