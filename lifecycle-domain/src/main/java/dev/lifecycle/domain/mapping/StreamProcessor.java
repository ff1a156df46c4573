package dev.lifecycle.domain.mapping;

import java.util.Optional;

/**
 * The platform's stream processor as apply connects tables to it: the function ARN that mappings
 * invoke (an alias, so that a new version takes over without touching any mapping), and the settings
 * every mapping gets unless a policy overrides its batching. Configuration of the admin API.
 */
public record StreamProcessor(String functionArn, MappingSettings defaults) {

    public StreamProcessor {
        if (functionArn == null || !functionArn.startsWith("arn:") || !functionArn.contains(":function:")) {
            throw new IllegalArgumentException("functionArn must be a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>[:<alias>]), was '"
                    + functionArn + "'");
        }
        if (defaults == null || !defaults.safe()) {
            throw new IllegalArgumentException("the processor's default mapping settings must be safe (REMOVE filter, partial batch"
                    + " responses, bisect, bounded retries and record age, a failure destination), were "
                    + (defaults == null ? null : defaults.describe()));
        }
    }

    /** Whether the mapping invokes this processor's function, under any qualifier (alias, version, none). */
    public boolean sameFunction(String otherFunctionArn) {
        return unqualified(otherFunctionArn).equals(unqualified(functionArn));
    }

    /** Whether the mapping sends its failures where the platform's mappings do: it was made by the platform. */
    public boolean sharesFailureDestination(MappingSettings settings) {
        return settings.failureDestination().isPresent() && settings.failureDestination().equals(defaults.failureDestination());
    }

    public Optional<String> failureDestination() {
        return defaults.failureDestination();
    }

    /** {@code arn:aws:lambda:r:a:function:name} without {@code :alias} or {@code :version}. */
    static String unqualified(String functionArn) {
        String[] parts = functionArn.split(":", -1);
        if (parts.length > 7 && parts[5].equals("function")) {
            return String.join(":", java.util.Arrays.copyOf(parts, 7));
        }
        return functionArn;
    }
}
