package dev.lifecycle.adapters.aws.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

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
            // attribute names are user data, often of high cardinality (maps keyed by ids): interning
            // them churns a global locked cache for nothing, as names are compared with equals()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            // Jackson 2 writes characters outside the BMP (emoji) as two \\uXXXX escapes unless told
            // to write their four UTF-8 bytes; both are valid, the bytes are shorter and readable
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonFactories() {
    }

    /** Thread-safe; create parsers and generators from it. */
    public static JsonFactory shared() {
        return SHARED;
    }
}
