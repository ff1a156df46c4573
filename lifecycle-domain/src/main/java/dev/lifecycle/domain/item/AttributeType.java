package dev.lifecycle.domain.item;

/** The DynamoDB data type descriptors, named as DynamoDB JSON names them. */
public enum AttributeType {
    S, N, B, SS, NS, BS, M, L, NULL, BOOL
}
