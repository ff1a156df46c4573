package dev.lifecycle.domain.hygiene;

import java.time.Instant;

/** What the audit makes of one item's TTL: healthy, or flagged with a finding and a sentence saying why. */
public sealed interface TtlVerdict {

    /** A usable epoch-seconds TTL, in the future or recently passed. */
    record Healthy(Instant expiresAt) implements TtlVerdict {
        public Healthy {
            if (expiresAt == null) {
                throw new IllegalArgumentException("a healthy verdict names the expiry time");
            }
        }
    }

    record Flagged(TtlAuditFinding finding, String detail) implements TtlVerdict {
        public Flagged {
            if (finding == null || detail == null || detail.isBlank()) {
                throw new IllegalArgumentException("a flagged verdict names its finding and a detail");
            }
        }
    }
}
