package io.sluice.examples.schema;

import io.sluice.session.mapping.MappedColumn;

/**
 * A postal address: an immutable value embedded in its owner's table, one column per component ({@code address_street},
 * {@code address_city}, ...; {@code bill_street}, ... for a billing address).
 *
 * @param street the street and number
 * @param city the city
 * @param postcode the postcode
 * @param country the ISO 3166 country code
 */
public record Address(
        @MappedColumn(length = 80) String street,
        @MappedColumn(length = 40) String city,
        @MappedColumn(length = 10) String postcode,
        @MappedColumn(length = 2) String country) {

    @Override
    public String toString() {
        return street + ", " + postcode + " " + city + " (" + country + ")";
    }
}
