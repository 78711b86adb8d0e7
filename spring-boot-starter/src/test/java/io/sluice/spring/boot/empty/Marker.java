package io.sluice.spring.boot.empty;

/** Marks a package without entities. */
public final class Marker {
    private Marker() {}
}
