package io.sluice.session.types;

import java.util.Locale;
import java.util.Objects;

/** An e-mail address, kept in lower case: a value class stored as a string through {@link EmailConverter}. */
public final class Email {
    private final String address;

    public Email(String address) {
        this.address = address.toLowerCase(Locale.ROOT);
    }

    public String address() {
        return address;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Email email && email.address.equals(address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address);
    }

    @Override
    public String toString() {
        return address;
    }
}
