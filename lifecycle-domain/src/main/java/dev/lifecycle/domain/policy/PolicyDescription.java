package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.audit.FieldChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** A policy as flat field/value text, for audit diffs between versions. */
public final class PolicyDescription {

    private PolicyDescription() {
    }

    public static Map<String, String> of(RetentionPolicy policy) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("table", policy.table().value());
        fields.put("partitionKey", policy.keySchema().partitionKeyName());
        fields.put("sortKey", policy.keySchema().sortKeyName().orElse(null));
        fields.put("ttlAttribute", policy.ttlAttribute().value());
        fields.put("retention", policy.retention().toString());
        fields.put("clockStart", policy.clockStart().name());
        fields.put("archivedCauses", policy.archivedCauses().stream().map(Enum::name).collect(Collectors.joining(",")));
        fields.put("bucket", policy.destination().bucket().value());
        fields.put("prefix", policy.destination().prefix().value());
        fields.put("archiveLayout", policy.destination().layout().name());
        fields.put("tiers", policy.tiers().stream().map(t -> t.storageClass() + "@" + t.afterDays())
                .collect(Collectors.joining(",")));
        fields.put("archiveExpiryDays", policy.archiveExpiryDays().map(String::valueOf).orElse(null));
        fields.put("objectLock", policy.objectLock().map(l -> l.mode() + "@" + l.days()).orElse(null));
        fields.put("keyFilterPrefix", policy.keyFilter().map(KeyFilter::partitionKeyPrefix).orElse(null));
        fields.put("locked", Boolean.toString(policy.locked()));
        fields.put("streamBatchSize", policy.streamBatching().batchSize().map(String::valueOf).orElse(null));
        fields.put("streamBatchingWindowSeconds", policy.streamBatching().windowSeconds().map(String::valueOf).orElse(null));
        return fields;
    }

    /** The fields that differ between two policies, in field order; a missing value is null. */
    public static List<FieldChange> diff(RetentionPolicy before, RetentionPolicy after) {
        Map<String, String> a = of(before);
        Map<String, String> b = of(after);
        List<FieldChange> changes = new ArrayList<>();
        a.forEach((field, value) -> {
            if (!Objects.equals(value, b.get(field))) {
                changes.add(new FieldChange(field, value, b.get(field)));
            }
        });
        return changes;
    }
}
