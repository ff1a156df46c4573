package dev.lifecycle.http.health;

import java.util.Map;

/** Checks that one dependency (DynamoDB, S3) answers, for the readiness check. */
public interface DependencyProbe {

    /** The dependency's name in the health report. */
    String name();

    /** What was checked and found; throws when the dependency cannot be used. */
    Map<String, String> check();
}
