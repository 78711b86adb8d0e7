package io.sluice.benchmarks.model;

import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/**
 * A postal address, embedded in its owner's table as three columns.
 *
 * @param street the street
 * @param city the city
 * @param postcode the postcode
 */
public record Address(
        @MappedColumn(length = 80) @Nullable String street,
        @MappedColumn(length = 50) @Nullable String city,
        @MappedColumn(length = 12) @Nullable String postcode) {}
