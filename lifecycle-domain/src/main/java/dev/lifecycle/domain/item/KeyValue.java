package dev.lifecycle.domain.item;

/** The attribute values that may form a primary key: String, Number or Binary. */
public sealed interface KeyValue extends AttributeValue permits AttributeValue.S, AttributeValue.N, AttributeValue.B {

    /** The value as text: the string itself, the number as given, or the binary in base64. */
    String asText();
}
