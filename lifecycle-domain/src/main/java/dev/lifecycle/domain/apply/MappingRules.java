package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.mapping.MappingState;
import dev.lifecycle.domain.mapping.StreamMapping;
import dev.lifecycle.domain.mapping.StreamProcessor;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.StreamBatching;
import dev.lifecycle.domain.table.TableSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a policy needs from the event source mapping of its table's stream to the processor, compared
 * with the mappings Lambda reports: exactly one enabled mapping of the processor's function ARN on the
 * table's current stream, with the platform's settings (the policy may override batching); no second
 * one of the processor there; and none left on a replaced stream once that stream's records have aged
 * out. A mapping on a replaced stream keeps reading until then, so that no removal made before the
 * switch is lost.
 */
public final class MappingRules {

    /** How long DynamoDB Streams keeps a record: a replaced stream has nothing left to read this long after the switch. */
    public static final Duration STREAM_RETENTION = Duration.ofHours(24);

    private MappingRules() {
    }

    /** The settings the policy's mapping must have: the processor's defaults with the policy's batching. */
    public static MappingSettings desiredSettings(RetentionPolicy policy, StreamProcessor processor) {
        MappingSettings defaults = processor.defaults();
        StreamBatching batching = policy.streamBatching();
        return defaults.withBatching(batching.batchSize().orElse(defaults.batchSize()),
                batching.windowSeconds().orElse(defaults.batchingWindowSeconds()));
    }

    /** Whether a mapping is the platform's: it invokes the processor's function (any qualifier) or fails to its queue. */
    public static boolean platformMapping(StreamMapping mapping, StreamProcessor processor) {
        return processor.sameFunction(mapping.functionArn()) || processor.sharesFailureDestination(mapping.settings());
    }

    /**
     * The mapping steps, given the table, whether this plan enables or replaces its stream, the mappings
     * Lambda reports for the table's streams and the processor's function, and the time.
     */
    public static List<ConfigurationStep> steps(RetentionPolicy policy, StreamProcessor processor, TableSettings table,
                                                boolean streamChanges, List<StreamMapping> mappings, Instant now) {
        String resource = policy.table().value();
        MappingSettings desired = desiredSettings(policy, processor);
        List<StreamMapping> platform = mappings.stream()
                .filter(mapping -> mapping.state() != MappingState.DELETING)
                .filter(mapping -> TableSettings.StreamSettings.ofTable(mapping.streamArn(), policy.table()))
                .filter(mapping -> platformMapping(mapping, processor))
                .toList();
        Optional<String> current = table.stream().map(TableSettings.StreamSettings::streamArn);
        List<ConfigurationStep> steps = new ArrayList<>();
        if (streamChanges) {
            steps.add(connectNewStream(resource, processor, desired, current, platform));
        } else {
            current.ifPresent(stream -> steps.addAll(onCurrentStream(resource, processor, desired, stream, platform)));
        }
        Optional<Instant> switchedAt = table.stream().flatMap(TableSettings.StreamSettings::createdAt);
        for (StreamMapping mapping : platform) {
            if (current.filter(mapping.streamArn()::equals).isPresent()) {
                continue;
            }
            Optional<Instant> agedOut = switchedAt.map(at -> at.plus(STREAM_RETENTION));
            if (agedOut.isPresent() && !now.isBefore(agedOut.get())) {
                steps.add(new ConfigurationStep.RemoveMapping(new PlannedChange(Target.MAPPING, resource, Setting.EVENT_SOURCE_MAPPING,
                        mapping.describe(), "absent", Feasibility.IN_PLACE,
                        "The stream it reads was replaced at " + switchedAt.get() + "; its last record aged out at " + agedOut.get()
                                + " (streams keep records 24 hours), so deleting the mapping loses nothing."), mapping.id()));
            }
        }
        return List.copyOf(steps);
    }

    /** The mapping the processor needs once the stream this apply enables or replaces exists. */
    private static ConfigurationStep connectNewStream(String resource, StreamProcessor processor, MappingSettings desired,
                                                      Optional<String> current, List<StreamMapping> platform) {
        Optional<StreamMapping> old = current.flatMap(stream -> platform.stream().filter(m -> m.streamArn().equals(stream)).findFirst());
        String consequence = old.map(mapping -> "Re-points the table to the processor: a new mapping reads the new stream from its"
                        + " first record (TRIM_HORIZON). " + mapping.describe() + " keeps reading what is left in the old stream and"
                        + " is deleted by a later apply 24 hours after the switch, when its last record has aged out.")
                .orElse("Removals of the table reach the processor from the new stream's first record (TRIM_HORIZON) on.");
        return new ConfigurationStep.CreateMapping(new PlannedChange(Target.MAPPING, resource, Setting.EVENT_SOURCE_MAPPING,
                old.map(StreamMapping::describe).orElse("absent"),
                "ENABLED from the new stream to " + processor.functionArn() + ": " + desired.describe(), Feasibility.IN_PLACE,
                consequence), Optional.empty(), desired);
    }

    private static List<ConfigurationStep> onCurrentStream(String resource, StreamProcessor processor, MappingSettings desired,
                                                           String stream, List<StreamMapping> platform) {
        List<StreamMapping> onStream = platform.stream().filter(mapping -> mapping.streamArn().equals(stream)).toList();
        Optional<StreamMapping> exact = onStream.stream().filter(m -> m.functionArn().equals(processor.functionArn())).findFirst();
        StreamMapping chosen = exact.or(() -> onStream.stream().findFirst()).orElse(null);
        List<ConfigurationStep> steps = new ArrayList<>();
        String wanted = "ENABLED from " + stream + " to " + processor.functionArn() + ": " + desired.describe();
        if (chosen == null) {
            boolean replaced = platform.stream().anyMatch(mapping -> !mapping.streamArn().equals(stream));
            steps.add(new ConfigurationStep.CreateMapping(new PlannedChange(Target.MAPPING, resource, Setting.EVENT_SOURCE_MAPPING,
                    replaced ? "only on a replaced stream of the table" : "absent", wanted, Feasibility.IN_PLACE,
                    (replaced ? "Re-points the table to its current stream. " : "")
                            + "Removals of the table reach the processor from the oldest record still in the stream (TRIM_HORIZON,"
                            + " up to 24 hours back) on; records the stream no longer holds are not archived."),
                    Optional.of(stream), desired));
        } else {
            List<String> differences = new ArrayList<>();
            if (!chosen.functionArn().equals(processor.functionArn())) {
                differences.add("FunctionArn " + chosen.functionArn() + " → " + processor.functionArn());
            }
            if (!chosen.state().reading()) {
                differences.add("State " + chosen.state() + " → ENABLED");
            }
            differences.addAll(chosen.settings().differencesTo(desired));
            if (!differences.isEmpty()) {
                steps.add(new ConfigurationStep.UpdateMapping(new PlannedChange(Target.MAPPING, resource, Setting.EVENT_SOURCE_MAPPING,
                        chosen.describe() + ": " + chosen.settings().describe(), wanted, Feasibility.IN_PLACE,
                        "Updates " + String.join("; ", differences) + ". The mapping goes on from its checkpoint: no record is"
                                + " skipped or read twice by the change itself."), chosen.id(), desired));
            }
        }
        for (StreamMapping extra : onStream) {
            if (extra != chosen && processor.sameFunction(extra.functionArn())) {
                steps.add(new ConfigurationStep.RemoveMapping(new PlannedChange(Target.MAPPING, resource, Setting.EVENT_SOURCE_MAPPING,
                        extra.describe(), "absent", Feasibility.IN_PLACE,
                        "A second mapping of the processor on the same stream delivers every record twice, and two readers of a"
                                + " shard are all DynamoDB Streams serves without throttling; mapping " + chosen.id()
                                + " stays."), extra.id()));
            }
        }
        return steps;
    }
}
