package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTableScanner;
import dev.lifecycle.domain.hygiene.ScanTablePort;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import dev.lifecycle.it.apply.ApplyFixtures;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table scanner against DynamoDB Local: projection, Limit, ExclusiveStartKey paging, consumed capacity, a missing table. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbTableScannerTest {

    private final LocalAws aws;
    private final DynamoDbTableScanner scanner;

    DynamoDbTableScannerTest(LocalAws aws) {
        this.aws = aws;
        this.scanner = new DynamoDbTableScanner(aws.dynamoDb());
    }

    private String tableOf(int items) {
        String table = ApplyFixtures.table(aws, "scan");
        List<java.util.Map<String, AttributeValue>> written = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            written.add(java.util.Map.of("pk", AttributeValue.fromS("item-" + i), "sk", AttributeValue.fromS("s"),
                    "ttl", AttributeValue.fromN("1795342470"), "payload", AttributeValue.fromS("p".repeat(1_000))));
        }
        dev.lifecycle.it.hygiene.TtlTables.write(aws, table, written);
        return table;
    }

    @Test
    void aPage_holdsAtMostLimitItems_withOnlyTheProjectedAttributes_evenAReservedWord() {
        String table = tableOf(5);

        ScanTablePort.Page page = scanner.scan(new ScanTablePort.PageRequest(TableName.of(table), List.of("pk", "sk", "ttl"), 3,
                Optional.empty()));

        assertThat(page.items()).hasSize(3);
        assertThat(page.items()).allSatisfy(item -> assertThat(item.attributes().keySet()).containsExactlyInAnyOrder("pk", "sk", "ttl"));
        assertThat(page.next()).hasValueSatisfying(cursor -> assertThat(cursor.lastKey().keySet()).containsExactlyInAnyOrder("pk", "sk"));
        assertThat(page.consumedReadUnits()).isPositive();
    }

    @Test
    void followingTheCursor_readsEveryItemOnce_andTheLastPageHasNoCursor() {
        String table = tableOf(23);

        Set<String> seen = new HashSet<>();
        int pages = 0;
        Optional<ScanTablePort.Cursor> cursor = Optional.empty();
        do {
            ScanTablePort.Page page = scanner.scan(new ScanTablePort.PageRequest(TableName.of(table), List.of("pk"), 10, cursor));
            pages++;
            for (Item item : page.items()) {
                assertThat(seen.add(item.get("pk").orElseThrow().toString())).as("read twice: " + item).isTrue();
            }
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(seen).hasSize(23);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void theProjection_doesNotLowerTheReadUnitsCharged_aScanPaysForWholeItems() {
        String table = tableOf(20);

        double projected = scanner.scan(new ScanTablePort.PageRequest(TableName.of(table), List.of("pk"), 20, Optional.empty()))
                .consumedReadUnits();
        double whole = aws.dynamoDb().scan(b -> b.tableName(table).limit(20)
                .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits();

        // 20 items of about 1 KB: 5 units of 4 KB, half for eventually consistent reads, whatever is projected.
        assertThat(projected).isEqualTo(whole).isGreaterThanOrEqualTo(2.5);
    }

    @Test
    void aMissingTable_isTableNotFound() {
        assertThatThrownBy(() -> scanner.scan(new ScanTablePort.PageRequest(TableName.of("missing-table-for-scan"), List.of("pk"), 10,
                Optional.empty()))).isInstanceOf(TableNotFoundException.class).hasMessage("table 'missing-table-for-scan' does not exist");
    }
}
