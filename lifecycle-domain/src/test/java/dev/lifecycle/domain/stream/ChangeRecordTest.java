package dev.lifecycle.domain.stream;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.domain.testing.TestRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeRecordTest {

    private static final Item OLD_IMAGE = TestRecords.order("customer#1", "order#1", EVENT_TIME.getEpochSecond());

    private static ChangeRecord remove(Map<String, AttributeValue> keys, Optional<Item> oldImage, StreamViewType viewType) {
        return new ChangeRecord("event-1", EventName.REMOVE, TableName.of(TestPolicies.TABLE), keys, oldImage,
                Optional.empty(), SequenceNumber.of("100"), EVENT_TIME, Optional.empty(), viewType);
    }

    private static ChangeRecord removeWithKeys(Map<String, AttributeValue> keys) {
        return remove(keys, Optional.of(OLD_IMAGE), StreamViewType.NEW_AND_OLD_IMAGES);
    }

    private static Map<String, AttributeValue> keys(Object... namesAndValues) {
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            keys.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return keys;
    }

    @Test
    void removeWithOldImage_isAccepted() {
        ChangeRecord record = removeWithKeys(keys("pk", s("customer#1"), "sk", s("order#1")));

        assertThat(record.isRemoval()).isTrue();
        assertThat(record.keys()).containsOnlyKeys("pk", "sk");
    }

    @Test
    void oneNumberKey_isAccepted() {
        assertThat(removeWithKeys(keys("pk", n("42"))).keys()).containsOnlyKeys("pk");
    }

    @Test
    void noKeys_areRejected() {
        assertThatThrownBy(() -> removeWithKeys(keys()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change record: keys must hold the one or two key attributes, had 0");
    }

    @Test
    void threeKeys_areRejected() {
        assertThatThrownBy(() -> removeWithKeys(keys("pk", s("a"), "sk", s("b"), "gsi", s("c"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change record: keys must hold the one or two key attributes, had 3");
    }

    @Test
    void nullKeys_areRejected() {
        assertThatThrownBy(() -> removeWithKeys(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("had none");
    }

    @Test
    void booleanKeyValue_isRejected_namingTheKeyAndType() {
        assertThatThrownBy(() -> removeWithKeys(keys("pk", s("a"), "sk", AttributeValue.bool(true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change record: key attribute 'sk' must be S, N or B, was BOOL");
    }

    @Test
    void stringSetKeyValue_isRejected_namingTheKeyAndType() {
        assertThatThrownBy(() -> removeWithKeys(keys("pk", AttributeValue.SS.of("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change record: key attribute 'pk' must be S, N or B, was SS");
    }

    @Test
    void nullKeyValue_isRejected_namingTheKey() {
        Map<String, AttributeValue> keys = new HashMap<>();
        keys.put("pk", null);

        assertThatThrownBy(() -> removeWithKeys(keys))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change record: key attribute 'pk' must be S, N or B, was null");
    }

    @Test
    void keysOnlyRecordWithAnOldImage_isRejected() {
        assertThatThrownBy(() -> remove(keys("pk", s("customer#1")), Optional.of(OLD_IMAGE), StreamViewType.KEYS_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change record: a KEYS_ONLY stream record cannot carry an old image");
    }

    @Test
    void newImageRecordWithAnOldImage_isRejected() {
        assertThatThrownBy(() -> remove(keys("pk", s("customer#1")), Optional.of(OLD_IMAGE), StreamViewType.NEW_IMAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEW_IMAGE");
    }

    @Test
    void oldImageRecordWithAnOldImage_isAccepted() {
        assertThat(remove(keys("pk", s("customer#1")), Optional.of(OLD_IMAGE), StreamViewType.OLD_IMAGE).oldImage())
                .contains(OLD_IMAGE);
    }

    @Test
    void blankEventId_isRejected() {
        assertThatThrownBy(() -> new ChangeRecord(" ", EventName.REMOVE, TableName.of(TestPolicies.TABLE),
                keys("pk", s("a")), Optional.empty(), Optional.empty(), SequenceNumber.of("1"), EVENT_TIME,
                Optional.empty(), StreamViewType.KEYS_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change record: eventId must not be blank");
    }

    @Test
    void aTimeWithNoCalendarDay_isRejected_sinceArchivesAndTheLedgerAreLaidOutByUtcDay() {
        Instant pastTheLastDay = LocalDate.MAX.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(86_400);

        assertThatThrownBy(() -> new ChangeRecord("event-1", EventName.REMOVE, TableName.of(TestPolicies.TABLE),
                keys("pk", s("a")), Optional.empty(), Optional.empty(), SequenceNumber.of("1"), pastTheLastDay,
                Optional.empty(), StreamViewType.KEYS_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change record: approximateCreationTime " + pastTheLastDay + " falls on no calendar day (years"
                        + " -999999999 to 999999999)");
    }

    @Test
    void nullOptionalImage_isRejected() {
        assertThatThrownBy(() -> remove(keys("pk", s("a")), null, StreamViewType.NEW_AND_OLD_IMAGES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Optional.empty(), not null");
    }

    @Test
    void changingTheSourceKeysAfterConstruction_doesNotChangeTheRecord() {
        Map<String, AttributeValue> keys = keys("pk", s("customer#1"));
        ChangeRecord record = removeWithKeys(keys);

        keys.put("pk", s("other"));

        assertThat(record.keys()).containsEntry("pk", s("customer#1"));
        assertThatThrownBy(() -> record.keys().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void insertAndModify_areNotRemovals() {
        assertThat(TestRecords.insert(OLD_IMAGE, "1").isRemoval()).isFalse();
        assertThat(TestRecords.modify(OLD_IMAGE, OLD_IMAGE, "1").isRemoval()).isFalse();
    }
}
