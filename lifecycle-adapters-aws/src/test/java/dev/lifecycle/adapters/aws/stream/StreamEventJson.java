package dev.lifecycle.adapters.aws.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Lambda stream event JSON for tests, written as text so that it stays independent of the decoder. */
final class StreamEventJson {

    static final String ORDERS_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-11-01T00:00:00.000";

    private StreamEventJson() {
    }

    /** The realistic four-record event in the test resources: TTL remove, user remove, insert, modify. */
    static byte[] realisticEvent() {
        try (InputStream in = StreamEventJson.class.getResourceAsStream("/lambda-stream-event.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] event(String... records) {
        return ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /** A user's REMOVE of {@code customer#<n>} on table {@code orders}, with sequence number {@code <n>}. */
    static String remove(int n) {
        return remove(n, "\"total\":{\"N\":\"1.5\"}");
    }

    /** A user's REMOVE whose old image carries these extra attributes (JSON members, no braces). */
    static String remove(int n, String extraAttributes) {
        return "{\"eventID\":\"event-" + n + "\",\"eventName\":\"REMOVE\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\","
                + "\"awsRegion\":\"eu-west-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1795342530,"
                + "\"Keys\":{\"pk\":{\"S\":\"customer#" + n + "\"}},"
                + "\"OldImage\":{\"pk\":{\"S\":\"customer#" + n + "\"}," + extraAttributes + "},"
                + "\"SequenceNumber\":\"" + n + "\",\"SizeBytes\":50,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},"
                + "\"eventSourceARN\":\"" + ORDERS_ARN + "\"}";
    }
}
