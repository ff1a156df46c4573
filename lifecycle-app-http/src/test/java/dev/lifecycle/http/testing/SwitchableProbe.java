package dev.lifecycle.http.testing;

import dev.lifecycle.http.health.DependencyProbe;
import java.util.Map;

/** A dependency probe a test can break and mend. */
public final class SwitchableProbe implements DependencyProbe {

    private final String name;
    private volatile String failure;

    SwitchableProbe(String name) {
        this.name = name;
    }

    public void fail(String why) {
        failure = why;
    }

    public void mend() {
        failure = null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, String> check() {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return Map.of("probe", "in-memory");
    }
}
