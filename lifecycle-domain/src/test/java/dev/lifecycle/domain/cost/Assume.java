package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;

/** Cost assumptions and policies for tests: the model's defaults, with the few values a test varies. */
final class Assume {

    private long deletionsPerDay;
    private int itemBytes;
    private int months = 2;
    private long restoresPerMonth;
    private Architecture architecture = Architecture.ARM64;
    private int batchingWindowSeconds = CostAssumptions.DEFAULT_BATCHING_WINDOW_SECONDS;
    private int shards = 1;
    private double compressionRatio = CostAssumptions.DEFAULT_COMPRESSION_RATIO;
    private int entryOverheadBytes;
    private boolean versioned = true;

    private Assume(long deletionsPerDay, int itemBytes) {
        this.deletionsPerDay = deletionsPerDay;
        this.itemBytes = itemBytes;
    }

    /** Archive entries exactly as large as their items (no envelope), two months, no restores, a versioned bucket. */
    static Assume of(long deletionsPerDay, int itemBytes) {
        return new Assume(deletionsPerDay, itemBytes);
    }

    Assume months(int value) {
        months = value;
        return this;
    }

    Assume restores(long value) {
        restoresPerMonth = value;
        return this;
    }

    Assume x86() {
        architecture = Architecture.X86_64;
        return this;
    }

    Assume window(int seconds) {
        batchingWindowSeconds = seconds;
        return this;
    }

    Assume shards(int value) {
        shards = value;
        return this;
    }

    Assume envelope(int bytes) {
        entryOverheadBytes = bytes;
        return this;
    }

    Assume unversioned() {
        versioned = false;
        return this;
    }

    CostAssumptions get() {
        return new CostAssumptions(deletionsPerDay, itemBytes, months, restoresPerMonth, architecture, CostAssumptions.DEFAULT_MEMORY_MB,
                CostAssumptions.DEFAULT_BATCH_SIZE, batchingWindowSeconds, shards, CostAssumptions.DEFAULT_INVOCATION_OVERHEAD_MS,
                CostAssumptions.DEFAULT_PER_RECORD_MS, compressionRatio, entryOverheadBytes, versioned);
    }

    /** A policy archiving {@code causes} with these tiers ("STANDARD_IA@30", ...) and expiry (null: never). */
    static RetentionPolicy policy(Integer archiveExpiryDays, Integer lockDays, List<String> causes, String... tiers) {
        List<PolicyDraft.TierDraft> drafts = new ArrayList<>();
        for (String tier : tiers) {
            String[] parts = tier.split("@");
            drafts.add(new PolicyDraft.TierDraft(parts[0], Integer.parseInt(parts[1])));
        }
        return new PolicyDraft("orders", "orderId", null, "expiresAt", "P30D", null, causes, "acme-archive", "archives", drafts,
                archiveExpiryDays, lockDays == null ? null : new PolicyDraft.LockDraft("GOVERNANCE", lockDays), null, false)
                .toPolicy(PolicyId.of("orders-retention"), PolicyVersion.initial());
    }

    static RetentionPolicy policy(Integer archiveExpiryDays, String... tiers) {
        return policy(archiveExpiryDays, null, List.of("TTL"), tiers);
    }
}
