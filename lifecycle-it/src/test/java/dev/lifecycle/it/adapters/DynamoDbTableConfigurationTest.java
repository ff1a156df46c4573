package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTableConfiguration;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableConfigurationPort.TtlChangeOutcome;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import dev.lifecycle.domain.table.TableSettings;
import dev.lifecycle.domain.table.TtlStatus;
import dev.lifecycle.it.apply.ApplyFixtures;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The table configuration adapter against DynamoDB Local: describe, TTL and stream changes, missing tables. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbTableConfigurationTest {

    private static final AttributeName EXPIRES_AT = AttributeName.of("expiresAt");

    private final LocalAws aws;
    private final DynamoDbTableConfiguration tables;
    private TableName table;

    DynamoDbTableConfigurationTest(LocalAws aws) {
        this.aws = aws;
        this.tables = new DynamoDbTableConfiguration(aws.dynamoDb());
    }

    @BeforeEach
    void freshTable() {
        table = TableName.of(ApplyFixtures.table(aws, "config"));
    }

    @Test
    void aFreshTable_isDescribedWithItsKeys_noTtl_andNoStream() {
        assertThat(tables.describe(table)).isEqualTo(new TableSettings(table, KeySchema.composite("pk", "sk"), TtlStatus.DISABLED,
                Optional.empty(), Optional.empty()));
    }

    @Test
    void aMissingTable_isTableNotFound_forEveryCall() {
        TableName missing = TableName.of("missing-" + table);

        assertThatThrownBy(() -> tables.describe(missing)).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> tables.enableTtl(missing, EXPIRES_AT)).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> tables.enableStream(missing, StreamViewType.NEW_AND_OLD_IMAGES)).isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void ttl_isEnabledOnTheAttribute_andDisabledAgain() {
        assertThat(tables.enableTtl(table, EXPIRES_AT)).isInstanceOf(TtlChangeOutcome.Applied.class);

        TableSettings enabled = tables.describe(table);
        assertThat(enabled.ttlStatus()).isEqualTo(TtlStatus.ENABLED);
        assertThat(enabled.ttlAttribute()).contains(EXPIRES_AT);

        assertThat(tables.disableTtl(table, EXPIRES_AT)).isInstanceOf(TtlChangeOutcome.Applied.class);
        assertThat(tables.describe(table).ttlStatus()).isEqualTo(TtlStatus.DISABLED);
    }

    @Test
    void aStream_isEnabledWithItsViewType_andAReplacementHasANewArn() {
        TableSettings.StreamSettings first = tables.enableStream(table, StreamViewType.KEYS_ONLY);
        assertThat(first.viewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThat(tables.describe(table).stream()).contains(first);

        tables.disableStream(table);
        assertThat(tables.describe(table).stream()).isEmpty();

        TableSettings.StreamSettings second = tables.enableStream(table, StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(second.viewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(second.streamArn()).isNotEqualTo(first.streamArn());
        assertThat(tables.describe(table).stream()).contains(second);
    }

    @Test
    void aSecondStream_isRefused_asAPermanentDependencyFailure() {
        tables.enableStream(table, StreamViewType.KEYS_ONLY);

        assertThatThrownBy(() -> tables.enableStream(table, StreamViewType.NEW_AND_OLD_IMAGES))
                .isInstanceOfSatisfying(DependencyFailureException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("ValidationException");
                });
    }
}
