package io.sluice.session.types;

import io.sluice.core.sql.Converter;

/** Stores an {@link Email} as its address. */
public final class EmailConverter implements Converter<Email, String> {
    @Override
    public String toDatabase(Email value) {
        return value.address();
    }

    @Override
    public Email fromDatabase(String value) {
        return new Email(value);
    }
}
