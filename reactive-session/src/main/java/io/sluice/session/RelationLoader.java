package io.sluice.session;

import io.sluice.session.mapping.Relationship;
import java.util.List;
import reactor.core.publisher.Mono;

/** Loads an unloaded relationship of an object through the session that owns the object. */
interface RelationLoader {

    /**
     * Loads the objects a relationship of an owner holds.
     *
     * @param owner the owning object
     * @param relationship the relationship
     * @param <T> the target class
     * @return the objects (a list of zero or one for a to-one relationship)
     */
    <T> Mono<List<T>> fetch(Object owner, Relationship<?, T> relationship);

    /**
     * Returns a query over the objects a collection relationship of an owner holds, to be refined further.
     *
     * @param owner the owning object
     * @param relationship a one-to-many or many-to-many relationship
     * @param <T> the target class
     * @return the query
     */
    <T> io.sluice.session.Query<T> query(Object owner, Relationship<?, T> relationship);

    /**
     * Tells the loader that a relationship of an owner changed in memory (an object added to or removed from a collection, a
     * reference set), so that its next flush looks at that owner's relationships: cascades, orphans, foreign keys and
     * association rows. Flushes look only at the owners they were told of and at new objects.
     *
     * @param owner the owning object
     */
    default void changed(Object owner) {}
}
