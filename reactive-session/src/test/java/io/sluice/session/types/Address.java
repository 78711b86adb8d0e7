package io.sluice.session.types;

import io.sluice.session.mapping.Embedded;
import io.sluice.session.mapping.MappedColumn;

/** A postal address: an immutable embedded value with a nested one. */
public record Address(
        @MappedColumn(length = 80) String street,
        String city,
        @Embedded Geo geo) {}
