package io.sluice.session.types;

/** Stored in a database enum type named after the enum ({@code native_mood}). */
public enum NativeMood {
    HAPPY,
    SAD,
    ANGRY
}
