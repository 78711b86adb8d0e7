package io.sluice.session.types;

/** An amount in cents: registered for the whole package, stored as a BIGINT. */
public record Money(long cents) {
    public static final class Cents implements io.sluice.core.sql.Converter<Money, Long> {
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
