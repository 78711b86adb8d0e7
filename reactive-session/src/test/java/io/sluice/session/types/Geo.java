package io.sluice.session.types;

/** A position, embedded inside {@link Address}. */
public record Geo(Double lat, Double lon) {}
