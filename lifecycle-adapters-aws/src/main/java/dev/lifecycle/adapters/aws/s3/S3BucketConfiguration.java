package dev.lifecycle.adapters.aws.s3;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.bucket.BucketConfigurationPort;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.BucketNotFoundException;
import dev.lifecycle.domain.bucket.BucketSettings;
import dev.lifecycle.domain.bucket.StorageClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * An archive bucket's lifecycle rules, versioning and object lock. The platform's rule is swapped
 * into the configuration S3 returns, by id: every other rule, and the configuration's default
 * minimum object size for transitions, go back exactly as read (S3 has no conditional write for
 * lifecycle configurations, so a concurrent change by someone else between read and write is lost:
 * the window is one round trip). A missing bucket becomes {@link BucketNotFoundException}.
 */
public final class S3BucketConfiguration implements BucketConfigurationPort {

    private static final String SERVICE = "S3 bucket configuration";

    private final S3Client s3;

    public S3BucketConfiguration(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public BucketSettings describe(BucketName bucket) {
        return call(bucket, () -> {
            List<dev.lifecycle.domain.bucket.LifecycleRule> rules = new ArrayList<>();
            List<LifecycleRule> sdkRules = lifecycle(bucket).map(GetBucketLifecycleConfigurationResponse::rules).orElse(List.of());
            for (int i = 0; i < sdkRules.size(); i++) {
                rules.add(LifecycleRules.toDomain(sdkRules.get(i), i));
            }
            boolean versioning = s3.getBucketVersioning(b -> b.bucket(bucket.value())).status() == BucketVersioningStatus.ENABLED;
            return new BucketSettings(bucket, rules, objectLockEnabled(bucket), versioning);
        });
    }

    @Override
    public void putLifecycleRule(BucketName bucket, dev.lifecycle.domain.bucket.LifecycleRule rule) {
        call(bucket, () -> {
            Optional<GetBucketLifecycleConfigurationResponse> current = lifecycle(bucket);
            List<LifecycleRule> rules = new ArrayList<>(current.map(GetBucketLifecycleConfigurationResponse::rules).orElse(List.of()));
            LifecycleRule ours = LifecycleRules.toSdk(rule);
            int index = indexOf(rules, rule.id());
            if (index >= 0) {
                rules.set(index, ours);
            } else {
                rules.add(ours);
            }
            write(bucket, current, rules);
            return null;
        });
    }

    @Override
    public void removeLifecycleRule(BucketName bucket, String ruleId) {
        call(bucket, () -> {
            Optional<GetBucketLifecycleConfigurationResponse> current = lifecycle(bucket);
            List<LifecycleRule> rules = new ArrayList<>(current.map(GetBucketLifecycleConfigurationResponse::rules).orElse(List.of()));
            int index = indexOf(rules, ruleId);
            if (index < 0) {
                return null;
            }
            rules.remove(index);
            if (rules.isEmpty()) {
                // S3 refuses a configuration without rules: no rules means no configuration.
                s3.deleteBucketLifecycle(b -> b.bucket(bucket.value()));
            } else {
                write(bucket, current, rules);
            }
            return null;
        });
    }

    @Override
    public void enableVersioning(BucketName bucket) {
        call(bucket, () -> s3.putBucketVersioning(b -> b.bucket(bucket.value())
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED))));
    }

    @Override
    public void enableObjectLock(BucketName bucket) {
        call(bucket, () -> s3.putObjectLockConfiguration(b -> b.bucket(bucket.value())
                .objectLockConfiguration(ObjectLockConfiguration.builder().objectLockEnabled(ObjectLockEnabled.ENABLED).build())));
    }

    private Optional<GetBucketLifecycleConfigurationResponse> lifecycle(BucketName bucket) {
        try {
            return Optional.of(s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket.value())));
        } catch (S3Exception e) {
            if ("NoSuchLifecycleConfiguration".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean objectLockEnabled(BucketName bucket) {
        try {
            ObjectLockConfiguration lock = s3.getObjectLockConfiguration(b -> b.bucket(bucket.value())).objectLockConfiguration();
            return lock != null && lock.objectLockEnabled() == ObjectLockEnabled.ENABLED;
        } catch (S3Exception e) {
            if (isMissingObjectLockConfiguration(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * S3 answers 404 ObjectLockConfigurationNotFoundError for a bucket without object lock; S3Mock
     * 5.2.0 answers 400 InvalidRequest "Bucket is missing Object Lock Configuration" (docs/local-aws.md).
     */
    static boolean isMissingObjectLockConfiguration(S3Exception e) {
        String code = errorCode(e);
        return "ObjectLockConfigurationNotFoundError".equals(code)
                || "InvalidRequest".equals(code) && e.awsErrorDetails().errorMessage() != null
                && e.awsErrorDetails().errorMessage().contains("missing Object Lock Configuration");
    }

    private void write(BucketName bucket, Optional<GetBucketLifecycleConfigurationResponse> current, List<LifecycleRule> rules) {
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket.value())
                .transitionDefaultMinimumObjectSize(current.map(GetBucketLifecycleConfigurationResponse::transitionDefaultMinimumObjectSize)
                        .orElse(null))
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rules).build()));
    }

    private static int indexOf(List<LifecycleRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (id.equals(rules.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    private static <T> T call(BucketName bucket, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            if ("NoSuchBucket".equals(errorCode(e))) {
                throw new BucketNotFoundException(bucket);
            }
            throw AwsFailures.translate(SERVICE, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** Mapping between S3's lifecycle rules and the domain's view of them. */
    static final class LifecycleRules {

        private LifecycleRules() {
        }

        static LifecycleRule toSdk(dev.lifecycle.domain.bucket.LifecycleRule rule) {
            LifecycleRule.Builder builder = LifecycleRule.builder()
                    .id(rule.id())
                    .filter(LifecycleRuleFilter.builder().prefix(rule.prefix()).build())
                    .status(rule.enabled() ? ExpirationStatus.ENABLED : ExpirationStatus.DISABLED);
            if (!rule.transitions().isEmpty()) {
                builder.transitions(rule.transitions().stream().map(transition -> Transition.builder().days(transition.days())
                        .storageClass(TransitionStorageClass.fromValue(transition.storageClass().name())).build()).toList());
            }
            rule.expirationDays().ifPresent(days -> builder.expiration(LifecycleExpiration.builder().days(days).build()));
            rule.noncurrentExpirationDays().ifPresent(days -> builder.noncurrentVersionExpiration(
                    NoncurrentVersionExpiration.builder().noncurrentDays(days).build()));
            return builder.build();
        }

        /** What the domain sees of a rule: anything it does not model is named in {@code extras}. */
        static dev.lifecycle.domain.bucket.LifecycleRule toDomain(LifecycleRule rule, int index) {
            List<String> extras = new ArrayList<>();
            String prefix = prefix(rule, extras);
            List<dev.lifecycle.domain.bucket.LifecycleRule.Transition> transitions = new ArrayList<>();
            for (Transition transition : rule.transitions()) {
                Optional<StorageClass> storageClass = storageClass(transition.storageClassAsString());
                if (transition.days() == null || storageClass.isEmpty()) {
                    extras.add("transition " + (transition.date() != null ? "on " + transition.date() : "")
                            + " to " + transition.storageClassAsString());
                } else {
                    transitions.add(new dev.lifecycle.domain.bucket.LifecycleRule.Transition(storageClass.get(), transition.days()));
                }
            }
            Optional<Integer> expiration = Optional.empty();
            LifecycleExpiration expirationAction = rule.expiration();
            if (expirationAction != null) {
                if (expirationAction.days() != null && expirationAction.days() > 0) {
                    expiration = Optional.of(expirationAction.days());
                }
                if (expirationAction.date() != null) {
                    extras.add("expiration on " + expirationAction.date());
                }
                if (expirationAction.expiredObjectDeleteMarker() != null) {
                    extras.add("expired delete marker removal");
                }
            }
            if (rule.hasNoncurrentVersionTransitions() && !rule.noncurrentVersionTransitions().isEmpty()) {
                extras.add("noncurrent-version transitions");
            }
            Optional<Integer> noncurrentExpiration = Optional.empty();
            NoncurrentVersionExpiration noncurrent = rule.noncurrentVersionExpiration();
            if (noncurrent != null) {
                if (noncurrent.noncurrentDays() != null && noncurrent.noncurrentDays() > 0) {
                    noncurrentExpiration = Optional.of(noncurrent.noncurrentDays());
                }
                if (noncurrent.newerNoncurrentVersions() != null) {
                    extras.add("keeps " + noncurrent.newerNoncurrentVersions() + " newer noncurrent versions");
                }
            }
            if (rule.abortIncompleteMultipartUpload() != null) {
                extras.add("abort incomplete multipart uploads");
            }
            String id = rule.id() == null || rule.id().isEmpty() ? "unnamed-rule-" + (index + 1) : rule.id();
            return new dev.lifecycle.domain.bucket.LifecycleRule(id, prefix, transitions, expiration, noncurrentExpiration,
                    rule.status() == ExpirationStatus.ENABLED, extras);
        }

        @SuppressWarnings("deprecation")
        private static String prefix(LifecycleRule rule, List<String> extras) {
            LifecycleRuleFilter filter = rule.filter();
            if (filter == null) {
                return rule.prefix() == null ? "" : rule.prefix();
            }
            if (filter.tag() != null) {
                extras.add("tag filter");
            }
            if (filter.objectSizeGreaterThan() != null || filter.objectSizeLessThan() != null) {
                extras.add("size filter");
            }
            LifecycleRuleAndOperator and = filter.and();
            if (and != null) {
                if (and.hasTags() && !and.tags().isEmpty()) {
                    extras.add("tag filter");
                }
                if (and.objectSizeGreaterThan() != null || and.objectSizeLessThan() != null) {
                    extras.add("size filter");
                }
                return and.prefix() == null ? "" : and.prefix();
            }
            return filter.prefix() == null ? "" : filter.prefix();
        }

        private static Optional<StorageClass> storageClass(String name) {
            try {
                return Optional.of(StorageClass.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.empty();
            }
        }
    }
}
