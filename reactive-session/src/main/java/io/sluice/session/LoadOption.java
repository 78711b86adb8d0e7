package io.sluice.session;

import io.sluice.core.internal.Assert;
import io.sluice.session.mapping.Relationship;

/**
 * How a query loads a relationship of the objects it returns, given to {@link Query#options(LoadOption...)}.
 *
 * @param relationship the relationship of the queried class
 * @param strategy how it is loaded
 */
public record LoadOption(Relationship<?, ?> relationship, Strategy strategy) {

    /** The loading strategies. */
    public enum Strategy {
        /** One more SELECT per relationship with {@code WHERE key IN (...)} over all returned objects, in batches. */
        SELECTIN
    }

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public LoadOption {
        Assert.requireNonNull(relationship, "relationship must not be null");
        Assert.requireNonNull(strategy, "strategy must not be null");
    }

    /**
     * Returns the option that loads a relationship of all returned objects with one extra query ({@code WHERE fk IN (...)}, in
     * batches of 500 keys), so that N objects cost 2 queries instead of N + 1.
     *
     * @param relationship a relationship of the queried class, such as {@code User_.addresses}
     * @return the option
     */
    public static LoadOption selectinLoad(Relationship<?, ?> relationship) {
        return new LoadOption(relationship, Strategy.SELECTIN);
    }
}
