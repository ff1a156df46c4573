package dev.lifecycle.adapters.aws.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/** The one Jackson factory the codecs share: strict JSON, limits that fit DynamoDB's own. */
public final class JsonFactories {

    /**
     * DynamoDB allows attribute names up to 64 KB; Jackson's default limit (50,000) would turn a
     * legal item into a parse failure of its whole batch.
     */
    public static final int MAX_NAME_LENGTH = 64 * 1024;

    private static final JsonFactory SHARED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(MAX_NAME_LENGTH).build())
            // callers own the streams they hand in (a Lambda's input stream, for one)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private JsonFactories() {
    }

    /** Thread-safe; create parsers and generators from it. */
    public static JsonFactory shared() {
        return SHARED;
    }
}
