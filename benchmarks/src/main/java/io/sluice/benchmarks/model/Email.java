package io.sluice.benchmarks.model;

import io.sluice.core.sql.Converter;
import java.util.Locale;

/**
 * An e-mail address, kept in lower case: a value class stored as its text through {@link Email.Text}.
 *
 * @param address the address
 */
public record Email(String address) {

    /**
     * Creates an address, lower-cased.
     *
     * @param address the address
     */
    public Email {
        address = address.toLowerCase(Locale.ROOT);
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
