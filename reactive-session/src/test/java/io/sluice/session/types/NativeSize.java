package io.sluice.session.types;

/** Stored in a database enum type named by the field's {@code typeName}. */
public enum NativeSize {
    SMALL,
    MEDIUM,
    LARGE
}
