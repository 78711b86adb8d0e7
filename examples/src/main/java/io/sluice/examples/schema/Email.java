package io.sluice.examples.schema;

import io.sluice.core.sql.Converter;
import java.util.Locale;

/**
 * An e-mail address, kept in lower case so that two spellings of one address are equal; stored as its text through
 * {@link Text} ({@code @Convert(Email.Text.class)} on the field).
 *
 * @param address the address
 */
public record Email(String address) {

    /**
     * Creates an address, lower-cased.
     *
     * @param address the address
     * @throws IllegalArgumentException if the address has no {@code @}
     */
    public Email {
        if (address.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an e-mail address: " + address);
        }
        address = address.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return address;
    }

    /** Stores an {@link Email} as its address. */
    public static final class Text implements Converter<Email, String> {

        @Override
        public String toDatabase(Email value) {
            return value.address();
        }

        @Override
        public Email fromDatabase(String value) {
            return new Email(value);
        }
    }
}
