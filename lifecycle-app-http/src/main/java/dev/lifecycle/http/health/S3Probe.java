package dev.lifecycle.http.health;

import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.RetentionPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 is ready when every archive bucket of the first policies can be reached (HeadBucket). With
 * no policy there is no bucket to check: that is reported, not treated as a failure.
 */
public final class S3Probe implements DependencyProbe {

    static final int MAX_POLICIES = 50;

    private final S3Client s3;
    private final LoadPolicyPort policies;

    public S3Probe(S3Client s3, LoadPolicyPort policies) {
        this.s3 = s3;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public Map<String, String> check() {
        TreeSet<String> buckets = new TreeSet<>();
        for (RetentionPolicy policy : policies.list(Optional.empty(), MAX_POLICIES).policies()) {
            buckets.add(policy.destination().bucket().value());
        }
        for (String bucket : buckets) {
            s3.headBucket(b -> b.bucket(bucket));
        }
        return Map.of("bucketsChecked", buckets.isEmpty() ? "none (no policy yet)" : String.join(",", buckets));
    }
}
