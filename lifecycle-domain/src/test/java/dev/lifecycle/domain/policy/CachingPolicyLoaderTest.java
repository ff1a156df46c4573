package dev.lifecycle.domain.policy;

import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.table.TableName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingPolicyLoaderTest {

    private static final TableName ORDERS = TableName.of("orders");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final CountingLoader source = new CountingLoader();
    private final CachingPolicyLoader cache = new CachingPolicyLoader(source, clock, Duration.ofSeconds(60));

    @Test
    void aPolicyIsReadOnce_withinItsMaxAge() {
        source.answer = Optional.of(policy());

        cache.findByTable(ORDERS);
        clock.advance(Duration.ofSeconds(60));
        Optional<RetentionPolicy> found = cache.findByTable(ORDERS);

        assertThat(found).contains(policy());
        assertThat(source.lookups.get()).isEqualTo(1);
    }

    @Test
    void aPolicyOlderThanMaxAge_isReadAgain_andTheNewVersionSeen() {
        source.answer = Optional.of(policy());
        cache.findByTable(ORDERS);
        source.answer = Optional.of(policy().withVersion(PolicyVersion.of(2)));

        clock.advance(Duration.ofSeconds(61));

        assertThat(cache.findByTable(ORDERS).map(RetentionPolicy::version)).contains(PolicyVersion.of(2));
        assertThat(source.lookups.get()).isEqualTo(2);
    }

    @Test
    void noPolicy_isAlsoRemembered_forBoundedTime() {
        cache.findByTable(ORDERS);
        source.answer = Optional.of(policy());

        assertThat(cache.findByTable(ORDERS)).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(cache.findByTable(ORDERS)).contains(policy());
    }

    @Test
    void aFailedLookup_isNeverCached() {
        source.failure = new IllegalStateException("throttled");
        assertThatThrownBy(() -> cache.findByTable(ORDERS)).hasMessage("throttled");

        source.failure = null;
        source.answer = Optional.of(policy());

        assertThat(cache.findByTable(ORDERS)).contains(policy());
    }

    @Test
    void invalidateAll_forgetsEverything() {
        source.answer = Optional.of(policy());
        cache.findByTable(ORDERS);
        cache.invalidateAll();
        cache.findByTable(ORDERS);

        assertThat(source.lookups.get()).isEqualTo(2);
    }

    private static final class CountingLoader implements LoadPolicyPort {
        final AtomicInteger lookups = new AtomicInteger();
        volatile Optional<RetentionPolicy> answer = Optional.empty();
        volatile RuntimeException failure;

        @Override
        public Optional<RetentionPolicy> findByTable(TableName table) {
            lookups.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return answer;
        }

        @Override
        public Optional<RetentionPolicy> findById(PolicyId id) {
            return Optional.empty();
        }

        @Override
        public PolicyPage list(Optional<PolicyId> after, int limit) {
            return new PolicyPage(java.util.List.of(), Optional.empty());
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
