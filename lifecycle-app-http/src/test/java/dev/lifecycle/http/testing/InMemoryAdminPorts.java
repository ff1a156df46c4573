package dev.lifecycle.http.testing;

import dev.lifecycle.domain.testing.InMemoryArchiveLegalHolds;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryBucketConfiguration;
import dev.lifecycle.domain.testing.InMemoryFailureQueue;
import dev.lifecycle.domain.testing.InMemoryHeldTtls;
import dev.lifecycle.domain.testing.InMemoryHolds;
import dev.lifecycle.domain.testing.InMemoryLedger;
import dev.lifecycle.domain.testing.InMemoryLiveItems;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.InMemoryPolicyStatus;
import dev.lifecycle.domain.testing.InMemoryStream;
import dev.lifecycle.domain.testing.InMemoryStreamMappings;
import dev.lifecycle.domain.testing.InMemoryTableConfiguration;
import dev.lifecycle.domain.testing.InMemoryTableScanner;
import dev.lifecycle.domain.testing.InMemoryTtlAuditReports;
import dev.lifecycle.http.wiring.AdminConfig;
import dev.lifecycle.http.wiring.AdminPorts;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Replaces the AWS adapters with the domain's in-memory fakes in every @QuarkusTest of this module. */
public class InMemoryAdminPorts {

    public static final InMemoryAuditLog AUDIT = new InMemoryAuditLog();
    public static final InMemoryPolicyRepository POLICIES = new InMemoryPolicyRepository(AUDIT);
    public static final InMemoryTableConfiguration TABLES = new InMemoryTableConfiguration();
    public static final InMemoryBucketConfiguration BUCKETS = new InMemoryBucketConfiguration();
    public static final InMemoryPolicyStatus STATUSES = new InMemoryPolicyStatus();
    public static final InMemoryArchiveStore ARCHIVES = new InMemoryArchiveStore();
    public static final InMemoryLiveItems LIVE_ITEMS = new InMemoryLiveItems();
    public static final InMemoryTableScanner TABLE_SCANS = new InMemoryTableScanner();
    public static final InMemoryTtlAuditReports TTL_AUDITS = new InMemoryTtlAuditReports();
    public static final InMemoryHolds HOLDS = new InMemoryHolds(AUDIT);
    public static final InMemoryHeldTtls HELD_TTLS = new InMemoryHeldTtls();
    public static final InMemoryArchiveLegalHolds LEGAL_HOLDS = new InMemoryArchiveLegalHolds();
    public static final InMemoryLedger LEDGER = new InMemoryLedger();
    public static final SwitchableProbe DYNAMODB = new SwitchableProbe("dynamodb");
    public static final SwitchableProbe S3 = new SwitchableProbe("s3");
    public static final InMemoryFailureQueue FAILURES = new InMemoryFailureQueue();
    public static final InMemoryStream STREAM = new InMemoryStream();
    public static final InMemoryStreamMappings MAPPINGS = new InMemoryStreamMappings();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    AdminPorts ports(AdminConfig config) {
        // The failure queue exists as configured, so that a test profile without the URL sees replay unconfigured.
        return new AdminPorts(POLICIES, POLICIES, AUDIT, TABLES, BUCKETS, STATUSES, List.of(DYNAMODB, S3), ARCHIVES, LIVE_ITEMS,
                TABLE_SCANS, TTL_AUDITS, HOLDS, HELD_TTLS, LEGAL_HOLDS, config.failureQueueUrl().map(url -> FAILURES), STREAM,
                ARCHIVES, LEDGER, MAPPINGS);
    }
}
