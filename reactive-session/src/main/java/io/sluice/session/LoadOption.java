package io.sluice.session;

import io.sluice.core.internal.Assert;
import io.sluice.session.mapping.Relationship;
import org.jspecify.annotations.Nullable;

/**
 * How a query loads a relationship of the objects it returns, given to {@link Query#options(LoadOption...)}.
 *
 * @param relationship the relationship of the queried class
 * @param strategy how it is loaded
 * @param next the option applied to the objects this one loads ({@code selectinLoad(User_.posts).then(BlogPost_.keywords)}),
 *     or {@code null}
 */
public record LoadOption(
        Relationship<?, ?> relationship,
        Strategy strategy,
        @Nullable LoadOption next) {

    /** The loading strategies. */
    public enum Strategy {
        /** One more SELECT per relationship with {@code WHERE key IN (...)} over all returned objects, in batches. */
        SELECTIN,
        /** The related rows come in the same SELECT through a LEFT OUTER JOIN to an anonymous alias. */
        JOINED,
        /** The related rows come from a join the query already makes ({@link Query#join}); their columns are added. */
        CONTAINS_EAGER
    }

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the relationship or strategy is {@code null}
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
        return new LoadOption(relationship, Strategy.SELECTIN, null);
    }

    /**
     * Returns the option that loads a one-to-many or many-to-one relationship in the same query, through a LEFT OUTER JOIN to an
     * anonymous alias of the related table; the objects are de-duplicated, and a LIMIT or OFFSET applies to them, not to the
     * joined rows.
     *
     * @param relationship a relationship of the queried class
     * @return the option
     */
    public static LoadOption joinedLoad(Relationship<?, ?> relationship) {
        return new LoadOption(relationship, Strategy.JOINED, null);
    }

    /**
     * Returns the option that fills a relationship from a join the query makes itself:
     * {@code query(Address.class).join(Address_.user).filter(User_.name.eq("jack")).options(containsEager(Address_.user))}.
     *
     * @param relationship a relationship of the queried class whose target table the query joins
     * @return the option
     */
    public static LoadOption containsEager(Relationship<?, ?> relationship) {
        return new LoadOption(relationship, Strategy.CONTAINS_EAGER, null);
    }

    /**
     * Returns this option followed by a selectin load of a relationship of the objects it loads.
     *
     * @param relationship a relationship of this option's target class
     * @return the chained option
     */
    public LoadOption then(Relationship<?, ?> relationship) {
        Assert.requireNonNull(relationship, "relationship must not be null");
        Assert.isTrue(
                relationship.owner() == this.relationship.target(),
                relationship + " is not a relationship of "
                        + this.relationship.target().getSimpleName());
        LoadOption tail = next == null ? selectinLoad(relationship) : next.then(relationship);
        return new LoadOption(this.relationship, strategy, tail);
    }
}
