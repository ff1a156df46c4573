package dev.lifecycle.adapters.aws.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.RandomValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArchiveJsonPropertiesTest {

    private static final String OBJECT = "s3://bucket/random.json";

    static Stream<Long> seeds() {
        return RandomValues.seeds(31337, 300);
    }

    static ArchiveEntry randomEntry(RandomValues random) {
        ItemKey key = random.itemKey();
        String eventId = random.nonEmptyString(40);
        return ArchiveEntry.create(TableName.of("table-" + random.longBetween(0, 1000)), key,
                random.item(key).with("deep", random.value(5)),
                DeletionCause.values()[(int) random.longBetween(0, DeletionCause.values().length)],
                random.instant(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")),
                eventId.isBlank() ? "event" : eventId,
                SequenceNumber.of(Long.toString(random.longBetween(1, Long.MAX_VALUE))),
                PolicyId.of("policy-" + random.longBetween(0, 100)), PolicyVersion.of(random.longBetween(1, Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void readingWhatWasWritten_givesTheSameEntry(long seed) {
        ArchiveEntry entry = randomEntry(new RandomValues(seed));

        ArchiveEntry read = ArchiveJson.read(ArchiveJson.write(entry), OBJECT);

        assertThat(read).as("seed %d", seed).isEqualTo(entry);
        assertThat(List.copyOf(read.oldImage().attributes().keySet())).as("seed %d", seed)
                .isEqualTo(List.copyOf(entry.oldImage().attributes().keySet()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void writingWhatWasRead_givesTheSameBytes(long seed) {
        byte[] written = ArchiveJson.write(randomEntry(new RandomValues(seed)));

        assertThat(ArchiveJson.write(ArchiveJson.read(written, OBJECT))).as("seed %d", seed).isEqualTo(written);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void oneChangedValue_isCaughtByTheChecksum(long seed) {
        RandomValues random = new RandomValues(seed);
        ArchiveEntry entry = randomEntry(random);
        ArchiveEntry altered = ArchiveEntry.create(entry.table(), entry.key(),
                entry.oldImage().with("deep", random.changed(entry.oldImage().get("deep").orElseThrow())),
                entry.cause(), entry.deletedAt(), entry.eventId(), entry.sequenceNumber(), entry.policyId(), entry.policyVersion());
        String forged = new String(ArchiveJson.write(altered), StandardCharsets.UTF_8)
                .replace(altered.contentSha256(), entry.contentSha256());

        assertThat(altered.contentSha256()).as("seed %d", seed).isNotEqualTo(entry.contentSha256());
        assertThatThrownBy(() -> ArchiveJson.read(forged.getBytes(StandardCharsets.UTF_8), OBJECT))
                .as("seed %d", seed).isInstanceOf(ArchiveChecksumMismatchException.class);
    }
}
