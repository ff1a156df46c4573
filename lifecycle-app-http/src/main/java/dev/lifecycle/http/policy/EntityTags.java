package dev.lifecycle.http.policy;

import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A policy's version as an HTTP entity tag ({@code "3"}), and the reading of {@code If-Match}. */
final class EntityTags {

    private static final Pattern ONE_TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

    private EntityTags() {
    }

    static String of(PolicyVersion version) {
        return "\"" + version.value() + "\"";
    }

    /**
     * The version a change expects, from {@code If-Match}: 428 when the header is missing (or is
     * {@code *}, which would let a change overwrite versions its author never read), 400 when it is
     * not one entity tag, 412 when the tag cannot name any version (weak tags never match If-Match).
     */
    static PolicyVersion expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of("precondition-required", "If-Match is required", 428,
                    "changes and deletions need If-Match with the policy's ETag (from GET), so that nobody overwrites a version they did not read"));
        }
        if (ifMatch.trim().equals("*")) {
            throw new ProblemException(Problem.of("precondition-required", "If-Match must name a version", 428,
                    "If-Match: * is not accepted; send the ETag of the version you read"));
        }
        Matcher tag = ONE_TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw ProblemException.invalidField("If-Match", "must be one entity tag such as \"3\", as the ETag header gave it");
        }
        if (tag.group(1) != null || !VERSION.matcher(tag.group(2)).matches()) {
            throw new ProblemException(Problem.of("version-mismatch", "The policy has changed", 412,
                    "If-Match " + ifMatch.trim() + " names no version of this policy; read the policy again and use its ETag"));
        }
        return PolicyVersion.of(Long.parseLong(tag.group(2)));
    }
}
