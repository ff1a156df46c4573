package dev.lifecycle.adapters.aws.stream;

import static dev.lifecycle.adapters.aws.TestItems.attributes;
import static dev.lifecycle.adapters.aws.TestItems.item;
import static dev.lifecycle.adapters.aws.TestItems.map;
import static dev.lifecycle.adapters.aws.stream.StreamEventJson.ORDERS_ARN;
import static dev.lifecycle.adapters.aws.stream.StreamEventJson.event;
import static dev.lifecycle.adapters.aws.stream.StreamEventJson.realisticEvent;
import static dev.lifecycle.adapters.aws.stream.StreamEventJson.remove;
import static dev.lifecycle.domain.item.AttributeValue.b;
import static dev.lifecycle.domain.item.AttributeValue.bool;
import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.nul;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.stream.UserIdentity;
import dev.lifecycle.domain.table.TableName;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LambdaStreamEventDecoderTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

    private final LambdaStreamEventDecoder decoder = new LambdaStreamEventDecoder();

    @Test
    void realisticEvent_decodesToTheExpectedChangeRecords() {
        Item ttlRemoved = item("pk", s("customer#42"), "sk", s("order#2026-11-01"), "total", n("129.90"),
                "expiresAt", n("1795342470"), "lines", AttributeValue.L.of(map("sku", s("A-1"), "qty", n("2"))),
                "tags", AttributeValue.SS.of("gift", "express"), "signature", b((byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef));
        Item userRemoved = item("pk", s("customer#7"), "sk", s("order#2026-11-02"), "total", n("5"), "note", nul());
        Item unpaid = item("pk", s("customer#9"), "sk", s("order#2026-11-03"), "total", n("12.5"), "paid", bool(false));
        Item paid = unpaid.with("paid", bool(true));

        DecodedBatch batch = decoder.decode(realisticEvent());

        assertThat(batch.records()).containsExactly(
                decoded("c81e728d9d4c2f636f067f89cc14862c", EventName.REMOVE, keysOf(ttlRemoved), Optional.of(ttlRemoved),
                        Optional.empty(), "4100000000000000000001", AT, Optional.of(UserIdentity.dynamoDbTtlService())),
                decoded("eccbc87e4b5ce2fe28308fd9f2a7baf3", EventName.REMOVE, keysOf(userRemoved), Optional.of(userRemoved),
                        Optional.empty(), "4100000000000000000002", AT.plusSeconds(1), Optional.empty()),
                decoded("a87ff679a2f3e71d9181a67b7542122c", EventName.INSERT, keysOf(unpaid), Optional.empty(),
                        Optional.of(unpaid), "4100000000000000000003", AT.plusSeconds(2), Optional.empty()),
                decoded("e4da3b7fbbce2345d7772b0674a318d5", EventName.MODIFY, keysOf(unpaid), Optional.of(unpaid),
                        Optional.of(paid), "4100000000000000000004", AT.plusSeconds(3), Optional.empty()));
    }

    @Test
    void realisticEvent_namesItsTableAndEventSource() {
        DecodedBatch batch = decoder.decode(realisticEvent());

        assertThat(batch.table()).contains(ORDERS);
        assertThat(batch.eventSourceArn()).isEqualTo(ORDERS_ARN);
    }

    @Test
    void numbersInImages_keepTheTextTheStreamGave() {
        ChangeRecord record = decodedRecord(decoder.decode(realisticEvent()).records().get(0));

        assertThat(((AttributeValue.N) record.oldImage().orElseThrow().get("total").orElseThrow()).value()).isEqualTo("129.90");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1795342530, 2026-11-22T10:15:30Z",
            "1.79534253E9, 2026-11-22T10:15:30Z",
            "1795342530.123, 2026-11-22T10:15:30.123Z",
            "1795342530.000001, 2026-11-22T10:15:30.000001Z",
            "17953425301234E-4, 2026-11-22T10:15:30.1234Z"})
    void approximateCreationDateTime_isReadFromTheNumbersTextWithoutLosingFractions(String seconds, String instant) {
        byte[] json = event(remove(1).replace("\"ApproximateCreationDateTime\":1795342530", "\"ApproximateCreationDateTime\":" + seconds));

        ChangeRecord record = decodedRecord(decoder.decode(json).records().get(0));

        assertThat(record.approximateCreationTime()).isEqualTo(Instant.parse(instant));
    }

    @Test
    void approximateCreationDateTimeGivenAsText_isUndecodable() {
        byte[] json = event(remove(1).replace("\"ApproximateCreationDateTime\":1795342530", "\"ApproximateCreationDateTime\":\"1795342530\""));

        assertThat(decoder.decode(json).records()).containsExactly(new IncomingRecord.Undecodable(SequenceNumber.of("1"),
                "Records[0].dynamodb.ApproximateCreationDateTime: must be a number of epoch seconds, found a string '1795342530'"));
    }

    @Test
    void oneBadRecordAmongGoodOnes_isTheOnlyUndecodableAndKeepsItsSequenceNumber() {
        byte[] json = event(remove(1), remove(2, "\"address\":{\"M\":{\"zip\":{\"N\":\"abc\"}}}"), remove(3));

        List<IncomingRecord> records = decoder.decode(json).records();

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(IncomingRecord.Decoded.class);
        assertThat(records.get(1)).isInstanceOf(IncomingRecord.Undecodable.class);
        assertThat(records.get(1).sequenceNumber()).isEqualTo(SequenceNumber.of("2"));
        assertThat(((IncomingRecord.Undecodable) records.get(1)).reason())
                .startsWith("Records[1].dynamodb.OldImage.address.M.zip: N value 'abc' is not a decimal number");
        assertThat(records.get(2)).isInstanceOf(IncomingRecord.Decoded.class);
        assertThat(records.get(2).sequenceNumber()).isEqualTo(SequenceNumber.of("3"));
    }

    @Test
    void badValueDeepInAList_leavesTheRestOfTheRecordAndBatchReadable() {
        String deepError = "\"deep\":{\"L\":[{\"L\":[{\"M\":{\"x\":{\"BOOL\":\"no\"},\"y\":{\"SS\":[\"a\"]}}}]},{\"S\":\"after\"}]}";
        byte[] json = event(remove(1, deepError), remove(2));

        List<IncomingRecord> records = decoder.decode(json).records();

        assertThat(records.get(0)).isEqualTo(new IncomingRecord.Undecodable(SequenceNumber.of("1"),
                "Records[0].dynamodb.OldImage.deep.L[0].L[0].M.x: BOOL value must be true or false, found a string 'no'"));
        assertThat(records.get(1)).isInstanceOf(IncomingRecord.Decoded.class);
    }

    @Test
    void unknownEventName_isUndecodable() {
        byte[] json = event(remove(1).replace("\"REMOVE\"", "\"DELETE\""));

        assertThat(decoder.decode(json).records()).containsExactly(new IncomingRecord.Undecodable(SequenceNumber.of("1"),
                "Records[0].eventName: event name 'DELETE' is not one of INSERT, MODIFY, REMOVE"));
    }

    @Test
    void missingKeys_areUndecodable() {
        byte[] json = event(remove(1).replace("\"Keys\":{\"pk\":{\"S\":\"customer#1\"}},", ""));

        assertThat(decoder.decode(json).records()).containsExactly(
                new IncomingRecord.Undecodable(SequenceNumber.of("1"), "Records[0].dynamodb.Keys: is missing"));
    }

    @Test
    void keyOfAMapType_isUndecodable() {
        byte[] json = event(remove(1).replace("\"Keys\":{\"pk\":{\"S\":\"customer#1\"}}", "\"Keys\":{\"pk\":{\"M\":{}}}"));

        assertThat(decoder.decode(json).records()).containsExactly(new IncomingRecord.Undecodable(SequenceNumber.of("1"),
                "Records[0]: change record: key attribute 'pk' must be S, N or B, was M"));
    }

    @Test
    void arnOfAnotherService_isUndecodable() {
        byte[] json = event(remove(1).replace(ORDERS_ARN, "arn:aws:sqs:eu-west-1:123456789012:orders"));

        assertThat(decoder.decode(json).records()).containsExactly(new IncomingRecord.Undecodable(SequenceNumber.of("1"),
                "Records[0].eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:orders' is not a DynamoDB stream ARN "
                        + "(arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>)"));
    }

    @Test
    void unpairedSurrogateInAValue_isUndecodable() {
        byte[] json = event(remove(1, "\"name\":{\"S\":\"broken \\ud83d\"}"));

        assertThat(decoder.decode(json).records()).containsExactly(new IncomingRecord.Undecodable(SequenceNumber.of("1"),
                "Records[0].dynamodb.OldImage.name: S value has an unpaired surrogate at index 7 (not valid UTF-8)"));
    }

    @Test
    void unpairedSurrogateInTheEventId_isUndecodable() {
        byte[] json = event(remove(1).replace("\"event-1\"", "\"event-\\udc00\""));

        assertThat(decoder.decode(json).records()).containsExactly(new IncomingRecord.Undecodable(SequenceNumber.of("1"),
                "Records[0].eventID: eventID has an unpaired surrogate at index 6 (not valid UTF-8)"));
    }

    @Test
    void partialUserIdentity_isUndecodable() {
        byte[] json = event(remove(1).replace("\"eventName\"", "\"userIdentity\":{\"type\":\"Service\"},\"eventName\""));

        assertThat(decoder.decode(json).records()).containsExactly(new IncomingRecord.Undecodable(SequenceNumber.of("1"),
                "Records[0].userIdentity: user identity needs a type and a principal id"));
    }

    @Test
    void userIdentitySpelledAsTheStreamsApiSpellsIt_isRead() {
        byte[] json = event(remove(1).replace("\"eventName\"",
                "\"userIdentity\":{\"Type\":\"Service\",\"PrincipalId\":\"dynamodb.amazonaws.com\"},\"eventName\""));

        assertThat(decodedRecord(decoder.decode(json).records().get(0)).userIdentity()).contains(UserIdentity.dynamoDbTtlService());
    }

    @Test
    void missingSequenceNumber_failsTheBatchNamingTheRecordAndItsEventId() {
        byte[] json = event(remove(1), remove(2).replace("\"SequenceNumber\":\"2\",", ""), remove(3));

        assertThatThrownBy(() -> decoder.decode(json))
                .isInstanceOf(StreamEventDecodingException.class)
                .hasMessage("Records[1] (eventID event-2) has no readable dynamodb.SequenceNumber: "
                        + "it cannot be reported on its own, so the whole batch fails");
    }

    @Test
    void sequenceNumberThatIsNotDigits_failsTheBatchSayingWhy() {
        byte[] json = event(remove(1).replace("\"SequenceNumber\":\"1\"", "\"SequenceNumber\":\"\""));

        assertThatThrownBy(() -> decoder.decode(json))
                .isInstanceOf(StreamEventDecodingException.class)
                .hasMessageContaining("Records[0] (eventID event-1) has no readable dynamodb.SequenceNumber "
                        + "(Records[0].dynamodb.SequenceNumber: sequence number '' must be 1 to 40 decimal digits)");
    }

    @Test
    void unknownFieldsAtEveryLevel_areIgnored() {
        String record = remove(1)
                .replace("\"eventName\"", "\"eventFuture\":{\"nested\":[1,{\"a\":null}]},\"eventName\"")
                .replace("\"SizeBytes\"", "\"Unexpected\":[{\"S\":\"x\"}],\"SizeBytes\"");
        byte[] json = ("{\"Version\":2,\"Records\":[" + record + "],\"Trailer\":{\"x\":true}}").getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(json).records()).singleElement().isInstanceOf(IncomingRecord.Decoded.class);
    }

    @Test
    void recordsOfSeveralTables_eachCarryTheirOwnAndTheBatchNamesNone() {
        String other = remove(2).replace("table/orders/", "table/invoices/");

        DecodedBatch batch = decoder.decode(event(remove(1), other));

        assertThat(batch.table()).isEmpty();
        assertThat(batch.eventSourceArn()).isEqualTo(ORDERS_ARN);
        assertThat(batch.records()).extracting(record -> decodedRecord(record).table())
                .containsExactly(ORDERS, TableName.of("invoices"));
    }

    @Test
    void emptyBatch_hasNoRecordsTableOrSource() {
        DecodedBatch batch = decoder.decode("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));

        assertThat(batch).isEqualTo(new DecodedBatch(Optional.empty(), "", List.of()));
    }

    @Test
    void malformedJson_failsTheBatchWithThePosition() {
        byte[] json = event(remove(1), remove(2).replace("\"eventName\":", "\"eventName\" "));

        assertThatThrownBy(() -> decoder.decode(json))
                .isInstanceOf(StreamEventDecodingException.class)
                .hasMessageStartingWith("malformed stream event JSON at line 1, column ")
                .hasMessageContaining("was expecting a colon");
    }

    @Test
    void truncatedEvent_failsTheBatch() {
        byte[] json = event(remove(1));
        byte[] truncated = java.util.Arrays.copyOf(json, json.length / 2);

        assertThatThrownBy(() -> decoder.decode(truncated))
                .isInstanceOf(StreamEventDecodingException.class)
                .hasMessageContaining("end-of-input");
    }

    @Test
    void eventWithoutRecords_failsTheBatch() {
        assertThatThrownBy(() -> decoder.decode("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StreamEventDecodingException.class)
                .hasMessage("the event has no Records array: not a DynamoDB stream event");
    }

    @Test
    void eventWithTwoRecordsArrays_failsTheBatch_ratherThanDecodingOneAndDroppingTheOther() {
        String twice = "{\"Records\":[" + remove(1) + "],\"Records\":[" + remove(2) + "]}";

        assertThatThrownBy(() -> decoder.decode(twice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StreamEventDecodingException.class)
                .hasMessage("the event has two Records arrays: which records it holds is ambiguous");
    }

    @Test
    void recordThatIsNotAnObject_failsTheBatch() {
        assertThatThrownBy(() -> decoder.decode(event(remove(1), "42")))
                .isInstanceOf(StreamEventDecodingException.class)
                .hasMessage("Records[1] is a number 42, not a record: it has no sequence number to report it by");
    }

    @Test
    void inputStream_decodesLikeBytesAndStaysOpen() {
        byte[] json = realisticEvent();
        ByteArrayInputStream in = new ByteArrayInputStream(json) {
            @Override
            public void close() {
                throw new AssertionError("the decoder must not close a stream it does not own");
            }
        };

        assertThat(decoder.decode(in)).isEqualTo(decoder.decode(json));
    }

    private static IncomingRecord decoded(String eventId, EventName eventName, java.util.Map<String, AttributeValue> keys,
                                          Optional<Item> oldImage, Optional<Item> newImage, String sequenceNumber,
                                          Instant at, Optional<UserIdentity> identity) {
        return new IncomingRecord.Decoded(new ChangeRecord(eventId, eventName, ORDERS, keys, oldImage, newImage,
                SequenceNumber.of(sequenceNumber), at, identity, StreamViewType.NEW_AND_OLD_IMAGES));
    }

    private static java.util.Map<String, AttributeValue> keysOf(Item item) {
        return attributes("pk", item.get("pk").orElseThrow(), "sk", item.get("sk").orElseThrow());
    }

    static ChangeRecord decodedRecord(IncomingRecord record) {
        assertThat(record).isInstanceOf(IncomingRecord.Decoded.class);
        return ((IncomingRecord.Decoded) record).record();
    }
}
