package dev.lifecycle.http.wiring;

import dev.lifecycle.domain.apply.PolicyStatusPort;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.archive.StoreArchivePort;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.bucket.BucketConfigurationPort;
import dev.lifecycle.domain.hold.ArchiveLegalHoldPort;
import dev.lifecycle.domain.hold.HeldTtlsPort;
import dev.lifecycle.domain.hold.HoldsPort;
import dev.lifecycle.domain.hygiene.ScanTablePort;
import dev.lifecycle.domain.hygiene.TtlAuditReportPort;
import dev.lifecycle.domain.ledger.LedgerPort;
import dev.lifecycle.domain.mapping.StreamMappingPort;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.SavePolicyPort;
import dev.lifecycle.domain.restore.LiveItemPort;
import dev.lifecycle.domain.stream.FailureQueuePort;
import dev.lifecycle.domain.stream.ReadStreamPort;
import dev.lifecycle.domain.table.TableConfigurationPort;
import dev.lifecycle.http.health.DependencyProbe;
import java.util.List;
import java.util.Optional;

/**
 * Every outgoing port the admin API uses, in one place: {@link AwsAdminPorts} produces the AWS
 * adapters, and a test replaces the whole set with in-memory fakes by producing an alternative.
 */
public record AdminPorts(LoadPolicyPort loadPolicies, SavePolicyPort savePolicies, AuditLogPort auditLog,
                         TableConfigurationPort tables, BucketConfigurationPort buckets, PolicyStatusPort statuses,
                         List<DependencyProbe> probes, ReadArchivePort archives, LiveItemPort liveItems,
                         ScanTablePort tableScans, TtlAuditReportPort ttlAudits, HoldsPort holds, HeldTtlsPort heldTtls,
                         ArchiveLegalHoldPort legalHolds, Optional<FailureQueuePort> failureQueue, ReadStreamPort streamReader,
                         StoreArchivePort archiveStore, LedgerPort ledger, StreamMappingPort mappings) {

    public AdminPorts {
        probes = List.copyOf(probes);
        if (failureQueue == null || streamReader == null || archives == null) {
            throw new IllegalArgumentException("the replay ports are required (the failure queue may be Optional.empty())");
        }
    }
}
