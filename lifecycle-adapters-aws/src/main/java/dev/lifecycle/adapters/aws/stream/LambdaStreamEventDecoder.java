package dev.lifecycle.adapters.aws.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.lifecycle.adapters.aws.json.DynamoDbJson;
import dev.lifecycle.adapters.aws.json.DynamoDbJsonException;
import dev.lifecycle.adapters.aws.json.JsonFactories;
import dev.lifecycle.adapters.aws.json.JsonPaths;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.Text;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.stream.UserIdentity;
import dev.lifecycle.domain.table.TableName;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Decodes the raw JSON of a Lambda DynamoDB stream event into domain records, in one streaming pass. */
public final class LambdaStreamEventDecoder {

    private static final String RECORDS = "Records";

    /**
     * Decodes an event ({@code {"Records": [...]}}, as a {@code RequestStreamHandler} receives it)
     * from a stream, which is read to the end but not closed. A record that cannot become a
     * {@link ChangeRecord} (a bad number, an unknown event name, missing keys, a foreign ARN, an
     * unpaired surrogate...) becomes {@link IncomingRecord.Undecodable} with its sequence number
     * and a reason that starts with the JSON path, e.g.
     * {@code Records[2].dynamodb.OldImage.address.M.zip}; the other records still decode. Unknown
     * fields are ignored.
     *
     * @throws StreamEventDecodingException for malformed JSON (including JSON beyond the parser's
     *                                      limits: nesting deeper than 1,000 levels, a number longer
     *                                      than 1,000 digits, a name longer than 65,536 characters,
     *                                      an escaped unpaired surrogate in a name), an event with no
     *                                      or two {@code Records} arrays, or a record without a
     *                                      readable sequence number (it cannot be reported on its own)
     */
    public DecodedBatch decode(InputStream event) {
        try (JsonParser parser = JsonFactories.shared().createParser(event)) {
            return decode(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new StreamEventDecodingException("could not read the stream event: " + e.getMessage(), e);
        }
    }

    /** Decodes an event held in memory, as {@link #decode(InputStream)} does. */
    public DecodedBatch decode(byte[] event) {
        try (JsonParser parser = JsonFactories.shared().createParser(event)) {
            return decode(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new StreamEventDecodingException("could not read the stream event: " + e.getMessage(), e);
        }
    }

    private static StreamEventDecodingException malformed(JsonProcessingException e) {
        return new StreamEventDecodingException("malformed stream event JSON " + DynamoDbJson.where(e.getLocation())
                + ": " + e.getOriginalMessage(), e);
    }

    private static DecodedBatch decode(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new StreamEventDecodingException("a stream event is a JSON object {\"Records\": [...]}, found "
                    + DynamoDbJson.describe(parser));
        }
        List<RecordReader> records = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean isRecords = RECORDS.equals(parser.currentName());
            parser.nextToken();
            if (isRecords) {
                if (records != null) {
                    // Jackson keeps reading past a repeated name; taking the last array would drop the first's records unanswered
                    throw new StreamEventDecodingException("the event has two Records arrays: which records it holds is ambiguous");
                }
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw new StreamEventDecodingException("Records must be an array, found " + DynamoDbJson.describe(parser));
                }
                records = readRecords(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new StreamEventDecodingException("more content after the end of the stream event: "
                    + DynamoDbJson.describe(parser) + " " + DynamoDbJson.where(parser.currentLocation()));
        }
        if (records == null) {
            throw new StreamEventDecodingException("the event has no Records array: not a DynamoDB stream event");
        }
        return batchOf(records);
    }

    private static List<RecordReader> readRecords(JsonParser parser) throws IOException {
        List<RecordReader> records = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            RecordReader record = new RecordReader(records.size());
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new StreamEventDecodingException("Records[" + records.size() + "] is "
                        + DynamoDbJson.describe(parser) + ", not a record: it has no sequence number to report it by");
            }
            record.read(parser);
            records.add(record);
        }
        return records;
    }

    private static DecodedBatch batchOf(List<RecordReader> readers) {
        List<IncomingRecord> records = new ArrayList<>(readers.size());
        Set<TableName> tables = new LinkedHashSet<>();
        Set<String> arns = new LinkedHashSet<>();
        for (RecordReader reader : readers) {
            records.add(reader.toIncomingRecord());
            if (reader.table != null) {
                tables.add(reader.table);
            }
            if (reader.eventSourceArn != null) {
                arns.add(reader.eventSourceArn);
            }
        }
        Optional<TableName> table = tables.size() == 1 ? Optional.of(tables.iterator().next()) : Optional.empty();
        String eventSourceArn = arns.isEmpty() ? "" : arns.iterator().next();
        return new DecodedBatch(table, eventSourceArn, records);
    }

    /** The fields of one record as they arrive, in any order, and the first problem met among them. */
    private static final class RecordReader {
        private final int index;
        private String eventId;
        private EventName eventName;
        private String eventSourceArn;
        private TableName table;
        private Optional<UserIdentity> userIdentity = Optional.empty();
        private boolean hasStreamRecord;
        private Instant approximateCreationTime;
        private Map<String, AttributeValue> keys;
        private Optional<Item> oldImage = Optional.empty();
        private Optional<Item> newImage = Optional.empty();
        private SequenceNumber sequenceNumber;
        private String sequenceNumberProblem;
        private StreamViewType viewType;
        private String problem;

        RecordReader(int index) {
            this.index = index;
        }

        void read(JsonParser parser) throws IOException {
            JsonStreamContext record = parser.getParsingContext();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                try {
                    switch (field) {
                        case "eventID" -> eventId = Text.requireWellFormed(string(parser), "eventID");
                        case "eventName" -> eventName = EventName.parse(string(parser));
                        case "eventSourceARN" -> readEventSourceArn(parser);
                        case "userIdentity" -> userIdentity = readUserIdentity(parser);
                        case "dynamodb" -> readStreamRecord(parser);
                        default -> parser.skipChildren();
                    }
                } catch (IllegalArgumentException e) {
                    noteProblem(parser, e);
                    skipBackTo(parser, record);
                }
            }
        }

        private void readEventSourceArn(JsonParser parser) throws IOException {
            eventSourceArn = string(parser);
            table = StreamArn.parse(eventSourceArn).table();
        }

        private void readStreamRecord(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("must be an object, found " + DynamoDbJson.describe(parser));
            }
            hasStreamRecord = true;
            JsonStreamContext stream = parser.getParsingContext();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                try {
                    switch (field) {
                        case "SequenceNumber" -> readSequenceNumber(parser);
                        case "ApproximateCreationDateTime" -> approximateCreationTime = epochSeconds(parser);
                        case "Keys" -> keys = parser.currentToken() == JsonToken.VALUE_NULL ? null : DynamoDbJson.readAttributes(parser);
                        case "OldImage" -> oldImage = image(parser);
                        case "NewImage" -> newImage = image(parser);
                        case "StreamViewType" -> viewType = viewType(string(parser));
                        default -> parser.skipChildren();
                    }
                } catch (IllegalArgumentException e) {
                    noteProblem(parser, e);
                    skipBackTo(parser, stream);
                }
            }
        }

        private void readSequenceNumber(JsonParser parser) throws IOException {
            try {
                sequenceNumber = SequenceNumber.of(string(parser));
            } catch (IllegalArgumentException e) {
                sequenceNumberProblem = JsonPaths.ofCurrentValue(parser) + ": " + e.getMessage();
                parser.skipChildren();
            }
        }

        /** Keeps the first problem; a domain error gets the path of the value it was raised on. */
        private void noteProblem(JsonParser parser, IllegalArgumentException e) {
            if (problem == null) {
                problem = e instanceof DynamoDbJsonException ? e.getMessage() : JsonPaths.ofCurrentValue(parser) + ": " + e.getMessage();
            }
        }

        IncomingRecord toIncomingRecord() {
            if (sequenceNumber == null) {
                throw new StreamEventDecodingException("Records[" + index + "] (eventID " + (eventId == null ? "missing" : eventId)
                        + ") has no readable dynamodb.SequenceNumber"
                        + (sequenceNumberProblem == null ? "" : " (" + sequenceNumberProblem + ")")
                        + ": it cannot be reported on its own, so the whole batch fails");
            }
            if (problem != null) {
                return new IncomingRecord.Undecodable(sequenceNumber, problem);
            }
            String missing = missingField();
            if (missing != null) {
                return new IncomingRecord.Undecodable(sequenceNumber, "Records[" + index + "]." + missing + ": is missing");
            }
            try {
                return new IncomingRecord.Decoded(new ChangeRecord(eventId, eventName, table, keys, oldImage, newImage,
                        sequenceNumber, approximateCreationTime, userIdentity, viewType));
            } catch (IllegalArgumentException e) {
                return new IncomingRecord.Undecodable(sequenceNumber, "Records[" + index + "]: " + e.getMessage());
            }
        }

        private String missingField() {
            if (eventId == null) {
                return "eventID";
            }
            if (eventName == null) {
                return "eventName";
            }
            if (table == null) {
                return "eventSourceARN";
            }
            if (!hasStreamRecord) {
                return "dynamodb";
            }
            if (keys == null) {
                return "dynamodb.Keys";
            }
            if (approximateCreationTime == null) {
                return "dynamodb.ApproximateCreationDateTime";
            }
            if (viewType == null) {
                return "dynamodb.StreamViewType";
            }
            return null;
        }
    }

    /**
     * After an error inside a value, moves the parser on to the end of that value, so that reading
     * continues with the next field of {@code context}. Structure errors still surface from Jackson.
     */
    private static void skipBackTo(JsonParser parser, JsonStreamContext context) throws IOException {
        while (parser.getParsingContext() != context) {
            if (parser.nextToken() == null) {
                throw new StreamEventDecodingException("the stream event ends inside a record");
            }
        }
    }

    private static String string(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("must be a string, found " + DynamoDbJson.describe(parser));
        }
        return parser.getText();
    }

    private static Optional<Item> image(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(DynamoDbJson.readItem(parser));
    }

    private static Optional<UserIdentity> readUserIdentity(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return Optional.empty();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("must be an object, found " + DynamoDbJson.describe(parser));
        }
        String type = null;
        String principalId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            // Lambda spells them type/principalId, the Streams API Type/PrincipalId
            String field = parser.currentName();
            parser.nextToken();
            if ("type".equalsIgnoreCase(field)) {
                type = string(parser);
            } else if ("principalId".equalsIgnoreCase(field)) {
                principalId = string(parser);
            } else {
                parser.skipChildren();
            }
        }
        return Optional.of(new UserIdentity(type, principalId));
    }

    private static StreamViewType viewType(String text) {
        try {
            return StreamViewType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES", e);
        }
    }

    /**
     * Epoch seconds as Lambda writes them: a JSON number, maybe with a fraction or an exponent
     * ({@code 1795342530}, {@code 1.79534253E9}, {@code 1795342530.123}). Read from the number's
     * text, never through a double, so that milliseconds survive exactly.
     */
    static Instant epochSeconds(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IllegalArgumentException("must be a number of epoch seconds, found " + DynamoDbJson.describe(parser));
        }
        String text = parser.getText();
        BigDecimal seconds = new BigDecimal(text);
        // a tiny exponent like 1E-999999999 would make rounding below cost a billion-digit power of ten
        if (seconds.scale() > 1_000 || seconds.precision() - seconds.scale() > 19) {
            throw new IllegalArgumentException("epoch seconds " + text + " are out of range");
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).intValueExact();
        try {
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("epoch seconds " + text + " are out of range", e);
        }
    }
}
