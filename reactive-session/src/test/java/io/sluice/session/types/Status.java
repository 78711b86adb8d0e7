package io.sluice.session.types;

/** Stored by name (the default). */
public enum Status {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
