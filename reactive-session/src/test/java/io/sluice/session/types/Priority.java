package io.sluice.session.types;

/** Stored by ordinal. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH
}
