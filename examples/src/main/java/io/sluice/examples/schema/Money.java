package io.sluice.examples.schema;

import io.sluice.core.sql.Converter;
import java.util.Locale;

/**
 * An amount of euros in cents, stored as a {@code BIGINT} by {@link Cents} (registered for the whole package in its
 * {@code package-info.java}).
 *
 * @param cents the amount in cents
 */
public record Money(long cents) {

    /**
     * Returns an amount of whole euros and cents.
     *
     * @param euros the euros
     * @param cents the cents
     * @return the amount
     */
    public static Money of(long euros, int cents) {
        return new Money(euros * 100 + cents);
    }

    /**
     * Returns the sum of this amount and another.
     *
     * @param other the other amount
     * @return the sum
     */
    public Money plus(Money other) {
        return new Money(cents + other.cents);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "€%d.%02d", cents / 100, cents % 100);
    }

    /** Stores {@link Money} as its cents. */
    public static final class Cents implements Converter<Money, Long> {

        @Override
        public Long toDatabase(Money value) {
            return value.cents();
        }

        @Override
        public Money fromDatabase(Long value) {
            return new Money(value);
        }
    }
}
