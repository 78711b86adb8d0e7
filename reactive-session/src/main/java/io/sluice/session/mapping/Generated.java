package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link Id} field whose values are generated rather than assigned by the application. How they are generated is
 * its {@link #strategy()}:
 *
 * <ul>
 *   <li>{@link Strategy#IDENTITY} (the default, so a plain {@code @Generated}): an integer key the database generates (an
 *       identity or auto-increment column); the flush reads it back from the INSERT.
 *   <li>{@link Strategy#SEQUENCE}: an integer key taken from the database sequence {@link #sequence()} before the INSERT, in
 *       blocks of {@link #allocationSize()} keys, as in {@code @Generated(strategy = SEQUENCE, sequence = "users_seq",
 *       allocationSize = 50)}. The sequence is part of the mapping's schema, created as {@code START WITH 1 INCREMENT BY
 *       allocationSize}; a sequence created otherwise must go up by the allocation size. Each value {@code v} the sequence
 *       hands out reserves the keys {@code v} to {@code v + allocationSize - 1} (Hibernate's "pooled-lo"): a session factory
 *       uses a block across its sessions and flushes, so a flush of {@code n} new objects costs {@code n / allocationSize}
 *       round trips at most, and rows inserted by other programs that call the sequence once per row never take those keys.
 *   <li>{@link Strategy#UUID}: a {@link java.util.UUID} key made by Sluice before the INSERT: time-ordered (version 7, RFC
 *       9562), increasing within one program.
 * </ul>
 *
 * <p>The key of a new object is set when the flush reaches its table, not when the object is added to the session; if the flush
 * fails, or the transaction rolls back, the key is put back to {@code null} (sequence numbers taken are not given back).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Generated {

    /**
     * Returns how the key's values are generated.
     *
     * @return the strategy; {@link Strategy#IDENTITY} by default
     */
    Strategy strategy() default Strategy.IDENTITY;

    /**
     * Returns the name of the sequence keys are taken from, for {@link Strategy#SEQUENCE} only.
     *
     * @return the sequence's name
     */
    String sequence() default "";

    /**
     * Returns how many keys one value of the sequence reserves, for {@link Strategy#SEQUENCE} only: the sequence's increment.
     * Classes that share a sequence must give it the same allocation size.
     *
     * @return the number of keys per round trip, at least 1; 50 by default
     */
    int allocationSize() default 50;

    /** How the values of a {@link Generated} key are generated. */
    enum Strategy {
        /** By the database, in an identity or auto-increment column; read back after the INSERT. */
        IDENTITY,
        /** From a database sequence, in blocks, before the INSERT. */
        SEQUENCE,
        /** As a time-ordered (version 7) {@link java.util.UUID}, by Sluice, before the INSERT. */
        UUID
    }
}
