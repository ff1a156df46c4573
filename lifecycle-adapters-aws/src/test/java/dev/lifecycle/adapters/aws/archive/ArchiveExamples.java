package dev.lifecycle.adapters.aws.archive;

import dev.lifecycle.adapters.aws.stream.LambdaStreamEventDecoder;
import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchivalRules;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.testing.TestPolicies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The documented example: the TTL removal of the sample stream event, archived under version 3 of the sample policy. */
final class ArchiveExamples {

    private ArchiveExamples() {
    }

    static RetentionPolicy policy() {
        return TestPolicies.draft().toPolicy(PolicyId.of("orders-retention"), PolicyVersion.of(3));
    }

    static ChangeRecord ttlRemoval() {
        IncomingRecord first = new LambdaStreamEventDecoder().decode(resource("/lambda-stream-event.json")).records().get(0);
        return ((IncomingRecord.Decoded) first).record();
    }

    static ArchivalDecision.Archive archive() {
        return (ArchivalDecision.Archive) ArchivalRules.decide(ttlRemoval(), policy());
    }

    static byte[] resource(String name) {
        try (InputStream in = ArchiveExamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
