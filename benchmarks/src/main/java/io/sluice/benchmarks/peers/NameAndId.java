package io.sluice.benchmarks.peers;

import org.jspecify.annotations.Nullable;

/**
 * The two-column projection Spring Data R2DBC reads for the tuple scenario (its DTO projection selects only these columns).
 *
 * @param name the parent's name
 * @param id the parent's key
 */
public record NameAndId(@Nullable String name, @Nullable Long id) {}
