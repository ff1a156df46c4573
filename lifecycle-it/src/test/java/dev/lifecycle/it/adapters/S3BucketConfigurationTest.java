package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.adapters.aws.s3.S3BucketConfiguration;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.BucketNotFoundException;
import dev.lifecycle.domain.bucket.BucketSettings;
import dev.lifecycle.domain.bucket.LifecycleRule;
import dev.lifecycle.domain.bucket.StorageClass;
import dev.lifecycle.it.apply.ApplyFixtures;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bucket configuration adapter against S3Mock: the platform's rule beside others', versioning, object lock. */
@ExtendWith(LocalAwsExtension.class)
class S3BucketConfigurationTest {

    private static final LifecycleRule OURS = LifecycleRule.of("lifecycle-orders", "archive/orders/",
            List.of(new LifecycleRule.Transition(StorageClass.STANDARD_IA, 30), new LifecycleRule.Transition(StorageClass.GLACIER, 90)),
            Optional.of(365), Optional.of(30));

    private final LocalAws aws;
    private final S3BucketConfiguration buckets;
    private BucketName bucket;

    S3BucketConfigurationTest(LocalAws aws) {
        this.aws = aws;
        this.buckets = new S3BucketConfiguration(aws.s3());
    }

    @BeforeEach
    void freshBucket() {
        bucket = BucketName.of(ApplyFixtures.bucket(aws, "config"));
    }

    @Test
    void aFreshBucket_hasNoRules_noVersioning_andNoObjectLock() {
        assertThat(buckets.describe(bucket)).isEqualTo(new BucketSettings(bucket, List.of(), false, false));
    }

    @Test
    void aMissingBucket_isBucketNotFound_forEveryCall() {
        BucketName missing = BucketName.of("missing-" + UUID.randomUUID());

        assertThatThrownBy(() -> buckets.describe(missing)).isInstanceOf(BucketNotFoundException.class);
        assertThatThrownBy(() -> buckets.putLifecycleRule(missing, OURS)).isInstanceOf(BucketNotFoundException.class);
        assertThatThrownBy(() -> buckets.enableVersioning(missing)).isInstanceOf(BucketNotFoundException.class);
    }

    @Test
    void ourRule_isAddedBesideAForeignRule_whichStaysExactlyAsItWas() {
        ApplyFixtures.putRules(aws, bucket.value(), ApplyFixtures.foreignRule());
        var before = ApplyFixtures.rules(aws, bucket.value());

        buckets.putLifecycleRule(bucket, OURS);

        var after = ApplyFixtures.rules(aws, bucket.value());
        assertThat(after).hasSize(2);
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(buckets.describe(bucket).rule(OURS.id())).contains(OURS);
    }

    @Test
    void ourRule_isReplacedInPlace_byItsId() {
        ApplyFixtures.putRules(aws, bucket.value(), ApplyFixtures.foreignRule());
        var before = ApplyFixtures.rules(aws, bucket.value());
        buckets.putLifecycleRule(bucket, OURS);
        LifecycleRule longer = LifecycleRule.of(OURS.id(), OURS.prefix(), OURS.transitions(), Optional.of(730));

        buckets.putLifecycleRule(bucket, longer);

        assertThat(buckets.describe(bucket).lifecycleRules()).extracting(LifecycleRule::id).containsExactly("team-logs", OURS.id());
        assertThat(buckets.describe(bucket).rule(OURS.id())).contains(longer);
        assertThat(ApplyFixtures.rules(aws, bucket.value()).get(0)).isEqualTo(before.get(0));
    }

    @Test
    void aForeignRule_isDescribedWithWhatThePlatformDoesNotManage_namedAsExtras() {
        ApplyFixtures.putRules(aws, bucket.value(), ApplyFixtures.foreignRule());

        LifecycleRule foreign = buckets.describe(bucket).rule("team-logs").orElseThrow();

        assertThat(foreign.prefix()).isEqualTo("logs/");
        assertThat(foreign.transitions()).containsExactly(new LifecycleRule.Transition(StorageClass.ONEZONE_IA, 45));
        // The tag filter is lost by S3Mock itself (EmbeddedEmulatorGapsTest); S3LifecycleRulesTest covers it.
        assertThat(foreign.noncurrentExpirationDays()).contains(10);
        assertThat(foreign.extras()).contains("size filter", "abort incomplete multipart uploads");
    }

    @Test
    void removingOurRule_keepsTheForeignRule_andRemovingTheLastRuleLeavesNone() {
        ApplyFixtures.putRules(aws, bucket.value(), ApplyFixtures.foreignRule());
        buckets.putLifecycleRule(bucket, OURS);

        var foreignAsStored = ApplyFixtures.rules(aws, bucket.value()).get(0);

        buckets.removeLifecycleRule(bucket, OURS.id());
        assertThat(ApplyFixtures.rules(aws, bucket.value())).containsExactly(foreignAsStored);

        buckets.removeLifecycleRule(bucket, "team-logs");
        assertThat(buckets.describe(bucket).lifecycleRules()).isEmpty();

        buckets.removeLifecycleRule(bucket, "never-there");
    }

    @Test
    void versioning_isEnabled() {
        buckets.enableVersioning(bucket);

        assertThat(buckets.describe(bucket).versioningEnabled()).isTrue();
    }

    @Test
    void objectLock_isEnabledOnAnExistingVersionedBucket() {
        buckets.enableVersioning(bucket);

        buckets.enableObjectLock(bucket);

        assertThat(buckets.describe(bucket)).isEqualTo(new BucketSettings(bucket, List.of(), true, true));
    }

    @Test
    void aBucketCreatedWithObjectLock_isDescribedAsLocked() {
        String locked = "config-locked-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(locked).objectLockEnabledForBucket(true));

        assertThat(buckets.describe(BucketName.of(locked)).objectLockEnabled()).isTrue();
    }
}
