package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * A database sequence: a named counter that hands out increasing numbers outside any transaction (SQLAlchemy's {@code
 * Sequence}). {@link io.sluice.core.schema.Metadata} creates it before its tables and drops it after them; {@link
 * #nextValue()} is the expression that takes its next value, as in {@code SQL.select(sequence.nextValue())}.
 *
 * <p>A sequence whose increment is greater than 1 serves blocks of numbers: whoever takes the value {@code v} may use {@code v}
 * to {@code v + increment - 1}, and no one else gets them.
 *
 * @param name the sequence's name, quoted by the dialect's rules like a table's
 * @param start the first value it hands out
 * @param increment how much each value is greater than the previous one, at least 1
 */
public record Sequence(String name, long start, int increment) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if {@code name} is {@code null} or blank, or {@code increment} is less than 1
     */
    public Sequence {
        Assert.requireNonNull(name, "name must not be null");
        Assert.isTrue(!name.isBlank(), "a sequence needs a name");
        Assert.isTrue(increment >= 1, "the increment of sequence " + name + " must be at least 1, was " + increment);
    }

    /**
     * Returns a sequence that starts at 1 and goes up by {@code increment}.
     *
     * @param name the sequence's name
     * @param increment the increment, at least 1
     * @return the sequence
     * @throws IllegalArgumentException if {@code name} is {@code null} or blank, or {@code increment} is less than 1
     */
    public static Sequence of(String name, int increment) {
        return new Sequence(name, 1, increment);
    }

    /**
     * Returns the expression that takes the sequence's next value ({@code nextval('name')} on PostgreSQL, {@code NEXT VALUE
     * FOR name} on H2 and MariaDB).
     *
     * @return the expression, of type {@code BIGINT}
     */
    public NextValue nextValue() {
        return new NextValue(this);
    }
}
