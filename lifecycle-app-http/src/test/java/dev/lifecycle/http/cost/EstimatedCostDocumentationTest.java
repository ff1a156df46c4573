package dev.lifecycle.http.cost;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** docs/operations.md's cost example never contradicts the endpoint: every figure it quotes is what the endpoint answers. */
@QuarkusTest
class EstimatedCostDocumentationTest {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final String EXAMPLE = "{\"deletionsPerDay\": 1000000, \"averageItemBytes\": 2048}";
    private static final String LONGER_WINDOW = "{\"deletionsPerDay\": 1000000, \"averageItemBytes\": 2048, \"batchingWindowSeconds\": 60}";
    private static final Map<String, String> LINES = Map.of("Lambda requests", "lambdaRequests", "Lambda duration", "lambdaDuration",
            "S3 PUTs", "s3Puts", "Transitions", "transitions", "Storage", "storage", "Ledger writes", "ledgerWrites",
            "**Total**", "total");

    private static String docs;
    /** The section with every run of white space as one space, for sentences the guide wraps. */
    private static String prose;

    @BeforeAll
    static void readTheGuide() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "operations.md"), StandardCharsets.UTF_8);
        docs = guide.substring(guide.indexOf("## Cost model"), guide.indexOf("## Limits"));
        prose = docs.replaceAll("\\s+", " ");
    }

    /** The example's policy: TTL and USER archived, STANDARD_IA after 30 days, GLACIER after 120, expiry after 365. */
    private static JsonPath estimate(String request) {
        String id = Policies.uniqueId("orders-retention");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("""
                {"id": "%s", "table": "%s", "partitionKey": "orderId", "ttlAttribute": "expiresAt", "retention": "P30D",
                 "archivedCauses": ["TTL", "USER"], "bucket": "lifecycle-archives", "prefix": "archives",
                 "tiers": [{"storageClass": "STANDARD_IA", "afterDays": 30}, {"storageClass": "GLACIER", "afterDays": 120}],
                 "archiveExpiryDays": 365}""".formatted(id, id)).post("/api/v1/policies").then().statusCode(201);
        String body = given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/policies/" + id + "/cost-estimate").then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Test
    void theExamplesRequest_isTheOneTheGuideShows() {
        assertThat(docs).contains("-d '" + EXAMPLE + "'");
        assertThat(docs).contains("With `\"batchingWindowSeconds\": 60`");
    }

    @Test
    void theExamplesTable_isWhatTheEndpointAnswers_perItemAndBatched() {
        JsonPath estimate = estimate(EXAMPLE);
        int steady = estimate.getInt("perItem.steadyFromMonth");
        String[] columns = {"perItem.months[0]", "perItem.months[11]", "perItem.steadyMonth", "batched.months[0]", "batched.months[11]",
                "batched.steadyMonth"};

        Map<String, List<BigDecimal>> table = table("| Line | Per item, month 1 | Per item, month 12 | Per item, from month " + steady
                + " | Batched, month 1 | Batched, month 12 | Batched, from month " + steady + " |");
        assertThat(table).containsOnlyKeys("Lambda requests", "Lambda duration", "S3 PUTs", "Storage", "Ledger writes", "**Total**");
        table.forEach((line, figures) -> {
            for (int column = 0; column < columns.length; column++) {
                assertThat(figures.get(column)).as(line + " in " + columns[column])
                        .isCloseTo(money(estimate, columns[column] + "." + LINES.get(line)), Offset.offset(CENT));
            }
        });
    }

    @Test
    void theTwelveMonthTotals_andTheSaving_areWhatTheEndpointAnswers() {
        JsonPath estimate = estimate(EXAMPLE);

        Matcher totals = Pattern.compile("Over the first 12 months: \\*\\*\\$([\\d,.]+)\\*\\* per item, \\*\\*\\$([\\d,.]+)\\*\\* batched;"
                + " batching would save \\*\\*\\$([\\d,.]+)\\*\\*").matcher(prose);
        assertThat(totals.find()).as("the 12-month sentence").isTrue();
        assertThat(amount(totals.group(1))).isCloseTo(money(estimate, "perItem.total.total"), Offset.offset(CENT));
        assertThat(amount(totals.group(2))).isCloseTo(money(estimate, "batched.total.total"), Offset.offset(CENT));
        assertThat(amount(totals.group(3))).isCloseTo(money(estimate, "batchingSaves.total"), Offset.offset(CENT));
    }

    @Test
    void theWorkloadAndObjectsTheGuideDescribes_areWhatTheEndpointAnswers() {
        JsonPath estimate = estimate(EXAMPLE);

        assertThat(prose).contains(estimate.getString("workload.recordsPerSecondPerShard") + " removals a second")
                .contains("batches of " + estimate.getString("workload.recordsPerBatch") + " records")
                .contains(String.format(Locale.ROOT, "%,d invocations", estimate.getLong("workload.invocationsPerMonth")))
                .contains("of " + estimate.getString("workload.durationMsPerInvocation") + " ms each")
                .contains(String.format(Locale.ROOT, "%,d ledger writes", estimate.getLong("workload.ledgerWritesPerMonth")))
                .contains(String.format(Locale.ROOT, "%,d bytes per item", estimate.getLong("perItem.objectBytes")))
                .contains(String.format(Locale.ROOT, "%,d bytes batched (%s entries each)", estimate.getLong("batched.objectBytes"),
                        estimate.getString("batched.entriesPerObject")))
                .contains("billed for " + estimate.getInt("archiveLifetimeDays") + " days")
                .contains("stops growing from month " + estimate.getInt("perItem.steadyFromMonth"));
        assertThat(estimate.getBoolean("perItem.transitioned")).isFalse();
        assertThat(estimate.getBoolean("batched.transitioned")).isFalse();
    }

    @Test
    void theLongerWindowsTable_isWhatTheEndpointAnswers() {
        JsonPath estimate = estimate(LONGER_WINDOW);

        assertThat(prose).contains("a batch gathers " + estimate.getString("workload.recordsPerBatch") + " records")
                .contains(String.format(Locale.ROOT, "batched object of %s entries is about %,d bytes",
                        estimate.getString("batched.entriesPerObject"), estimate.getLong("batched.objectBytes")));
        assertThat(estimate.getBoolean("batched.transitioned")).isTrue();
        Map<String, List<BigDecimal>> table = table("| Line (window 60 s, from month " + estimate.getInt("perItem.steadyFromMonth")
                + ") | Per item | Batched |");
        String[] columns = {"perItem.steadyMonth", "batched.steadyMonth"};
        table.forEach((line, figures) -> {
            for (int column = 0; column < columns.length; column++) {
                BigDecimal expected = line.equals("Lambda requests and duration")
                        ? money(estimate, columns[column] + ".lambdaRequests").add(money(estimate, columns[column] + ".lambdaDuration"))
                        : money(estimate, columns[column] + "." + LINES.get(line));
                assertThat(figures.get(column)).as(line + " in " + columns[column]).isCloseTo(expected,
                        Offset.offset(CENT));
            }
        });
        assertThat(table).hasSize(6);
    }

    /** The rows of the table under {@code header}: each line's label and its dollar figures. */
    private static Map<String, List<BigDecimal>> table(String header) {
        int at = docs.indexOf(header);
        assertThat(at).as("a table headed " + header).isNotNegative();
        Map<String, List<BigDecimal>> rows = new LinkedHashMap<>();
        String[] lines = docs.substring(at).split("\n");
        for (int i = 2; i < lines.length && lines[i].startsWith("|"); i++) {
            String[] cells = lines[i].split("\\|");
            List<BigDecimal> figures = new ArrayList<>();
            for (int cell = 2; cell < cells.length; cell++) {
                figures.add(amount(cells[cell].replace("*", "").replace("$", "").trim()));
            }
            rows.put(cells[1].trim(), figures);
        }
        return rows;
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text.replace(",", "").replace("*", "").replace("$", "").trim());
    }

    private static BigDecimal money(JsonPath estimate, String path) {
        Object value = estimate.get(path);
        assertThat(value).as(path).isNotNull();
        return new BigDecimal(value.toString());
    }
}
