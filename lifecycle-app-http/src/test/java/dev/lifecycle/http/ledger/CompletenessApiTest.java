package dev.lifecycle.http.ledger;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.ledger.LedgerRecorder;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.stream.UserIdentity;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.ManualClock;
import dev.lifecycle.http.testing.InMemoryAdminPorts;
import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The completeness report through the API, on the in-memory ledger and archive. */
@QuarkusTest
class CompletenessApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Instant NOV_22 = Instant.parse("2026-11-22T10:00:00Z");
    private static final long FUTURE_TTL = Instant.parse("2099-01-01T00:00:00Z").getEpochSecond();

    private final ArchiveChangesService archiver = ArchiveChangesService.sequential(InMemoryAdminPorts.POLICIES, InMemoryAdminPorts.ARCHIVES);
    private final LedgerRecorder recorder = new LedgerRecorder(InMemoryAdminPorts.POLICIES, InMemoryAdminPorts.LEDGER, new ManualClock(NOV_22));

    /** A declared policy on a table of its own name (key orderId). */
    private static String governedTable() {
        String id = Policies.uniqueId("complete");
        InMemoryAdminPorts.TABLES.createTable(TableName.of(id), KeySchema.partitionKey("orderId"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies")
                .then().statusCode(201);
        return id;
    }

    /** Archives and counts removals as the stream processor does; returns the outcomes. */
    private List<RecordOutcome> process(String table, ChangeRecord... records) {
        ArchiveChangesCommand command = new ArchiveChangesCommand(TableName.of(table),
                java.util.Arrays.stream(records).<IncomingRecord>map(IncomingRecord.Decoded::new).toList());
        BatchResult result = archiver.archive(command);
        recorder.record(command, result);
        return result.outcomes();
    }

    private static ChangeRecord removal(String table, String orderId, String sequence, boolean byTtl) {
        Item item = new Item(Map.of("orderId", s(orderId), "expiresAt", n(FUTURE_TTL)));
        return new ChangeRecord("event-" + sequence, EventName.REMOVE, TableName.of(table), Map.of("orderId", s(orderId)),
                Optional.of(item), Optional.empty(), SequenceNumber.of(sequence), NOV_22,
                byTtl ? Optional.of(UserIdentity.dynamoDbTtlService()) : Optional.empty(), StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @Test
    void aDayArchivedAndCounted_isComplete_withTheCountsPerCause() {
        String table = governedTable();
        process(table, removal(table, "o-1", "101", true), removal(table, "o-2", "102", false), removal(table, "o-3", "103", false));

        given().auth().oauth2(Tokens.viewer()).get("/api/v1/tables/" + table + "/completeness?day=2026-11-22")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("table", equalTo(table)).body("day", equalTo("2026-11-22"))
                .body("verdict", equalTo("COMPLETE")).body("objectsPresent", equalTo(3))
                .body("total.received", equalTo(3)).body("total.archived", equalTo(3))
                .body("byCause.TTL.archived", equalTo(1)).body("byCause.USER.archived", equalTo(2))
                .body("byCause", not(hasKey("EXPIRED")))
                .body("byCause.USER.skipped.NO_OLD_IMAGE", equalTo(0))
                .body("limits", hasItem(containsString("count deliveries")));
    }

    @Test
    void anArchiveObjectDeletedAfterwards_isMissingObjects() {
        String table = governedTable();
        List<RecordOutcome> outcomes = process(table, removal(table, "o-1", "201", false), removal(table, "o-2", "202", false));
        InMemoryAdminPorts.ARCHIVES.remove(((RecordOutcome.Archived) outcomes.get(0)).location());

        given().auth().oauth2(Tokens.viewer()).get("/api/v1/tables/" + table + "/completeness?day=2026-11-22")
                .then().statusCode(200).body("verdict", equalTo("MISSING_OBJECTS")).body("objectsPresent", equalTo(1))
                .body("total.archived", equalTo(2)).body("findings[0]", containsString("1 of the 2 objects"));
    }

    @Test
    void aDayWithNothing_isNoData() {
        String table = governedTable();

        given().auth().oauth2(Tokens.viewer()).get("/api/v1/tables/" + table + "/completeness?day=2026-11-21")
                .then().statusCode(200).body("verdict", equalTo("NO_DATA")).body("objectsPresent", equalTo(0));
    }

    @Test
    void aDayThatIsNotADay_isAProblemNamingTheField() {
        String table = governedTable();

        given().auth().oauth2(Tokens.viewer()).get("/api/v1/tables/" + table + "/completeness?day=22-11-2026")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("'22-11-2026' is not a day"));
    }

    @Test
    void aDayBeyondFourDigitYears_isAProblemNamingTheField_notAnInternalError() {
        String table = governedTable();

        given().auth().oauth2(Tokens.viewer()).queryParam("day", "+999999999-12-31").get("/api/v1/tables/" + table + "/completeness")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("day"))
                .body("detail", containsString("'+999999999-12-31' is not a day as yyyy-MM-dd"));
    }

    @Test
    void aMissingDay_isAProblem() {
        String table = governedTable();

        given().auth().oauth2(Tokens.viewer()).get("/api/v1/tables/" + table + "/completeness")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("day"));
    }

    @Test
    void anUngovernedTable_isNotFound() {
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/tables/nobody-governs-this/completeness?day=2026-11-22")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
