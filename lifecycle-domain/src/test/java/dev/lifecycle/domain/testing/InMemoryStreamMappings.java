package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.mapping.MappingState;
import dev.lifecycle.domain.mapping.StreamMapping;
import dev.lifecycle.domain.mapping.StreamMappingPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Event source mappings in memory, refusing what Lambda refuses: a second mapping of the same stream to
 * the same function ARN (ResourceConflictException), and an update or delete of a mapping that does not
 * exist (ResourceNotFoundException). New mappings are ENABLED at once. Every change is logged in
 * {@link #changes()}; {@link #disable}, {@link #change} and {@link #add} change mappings behind the
 * platform's back.
 */
public final class InMemoryStreamMappings implements StreamMappingPort {

    private final Map<String, StreamMapping> mappings = new LinkedHashMap<>();
    private final List<String> changes = new ArrayList<>();
    private RuntimeException failure;
    private RuntimeException createFailure;
    private int created;

    /** Adds a mapping as someone else would (not logged). */
    public synchronized StreamMapping add(String streamArn, String functionArn, MappingState state, MappingSettings settings) {
        StreamMapping mapping = new StreamMapping(nextId(), streamArn, functionArn, state, settings);
        mappings.put(mapping.id(), mapping);
        return mapping;
    }

    /** Disables the mapping behind the platform's back. */
    public synchronized void disable(String id) {
        StreamMapping mapping = existing(id);
        mappings.put(id, new StreamMapping(id, mapping.streamArn(), mapping.functionArn(), MappingState.DISABLED, mapping.settings()));
    }

    /** Changes the mapping's function and settings behind the platform's back. */
    public synchronized void change(String id, String functionArn, MappingSettings settings) {
        StreamMapping mapping = existing(id);
        mappings.put(id, new StreamMapping(id, mapping.streamArn(), functionArn, mapping.state(), settings));
    }

    /** Every call fails with the exception until {@link #recover()}. */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized void recover() {
        failure = null;
        createFailure = null;
    }

    /** Reads work, but every create fails with the exception until {@link #recover()}. */
    public synchronized void refuseCreatesWith(RuntimeException failure) {
        this.createFailure = failure;
    }

    public synchronized List<StreamMapping> all() {
        return List.copyOf(mappings.values());
    }

    public synchronized Optional<StreamMapping> find(String id) {
        return Optional.ofNullable(mappings.get(id));
    }

    /** The changes made through the port, e.g. "create <stream> <function>", oldest first. */
    public synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    @Override
    public synchronized List<StreamMapping> onStream(String streamArn) {
        failIfAsked();
        return mappings.values().stream().filter(mapping -> mapping.streamArn().equals(streamArn)).toList();
    }

    @Override
    public synchronized List<StreamMapping> ofFunction(String functionArn) {
        failIfAsked();
        return mappings.values().stream().filter(mapping -> mapping.functionArn().equals(functionArn)).toList();
    }

    @Override
    public synchronized StreamMapping create(String streamArn, String functionArn, MappingSettings settings) {
        failIfAsked();
        if (createFailure != null) {
            throw createFailure;
        }
        if (mappings.values().stream().anyMatch(m -> m.streamArn().equals(streamArn) && m.functionArn().equals(functionArn))) {
            throw refused("ResourceConflictException (HTTP 409): An event source mapping with DynamoDB stream arn: " + streamArn
                    + " and function: " + functionArn + " already exists.");
        }
        changes.add("create " + streamArn + " " + functionArn);
        StreamMapping mapping = new StreamMapping(nextId(), streamArn, functionArn, MappingState.ENABLED, settings);
        mappings.put(mapping.id(), mapping);
        return mapping;
    }

    @Override
    public synchronized StreamMapping update(String id, String functionArn, MappingSettings settings, boolean enabled) {
        failIfAsked();
        StreamMapping mapping = existing(id);
        changes.add("update " + id + " " + functionArn + (enabled ? " enabled" : " disabled"));
        StreamMapping updated = new StreamMapping(id, mapping.streamArn(), functionArn,
                enabled ? MappingState.ENABLED : MappingState.DISABLED, settings);
        mappings.put(id, updated);
        return updated;
    }

    @Override
    public synchronized void delete(String id) {
        failIfAsked();
        existing(id);
        changes.add("delete " + id);
        mappings.remove(id);
    }

    private StreamMapping existing(String id) {
        StreamMapping mapping = mappings.get(id);
        if (mapping == null) {
            throw refused("ResourceNotFoundException (HTTP 404): The resource you requested does not exist. (mapping " + id + ")");
        }
        return mapping;
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    private String nextId() {
        created++;
        return String.format("00000000-0000-4000-8000-%012d", created);
    }

    private static DependencyFailureException refused(String message) {
        return new DependencyFailureException("Lambda", false, message, null);
    }
}
