package io.sluice.session;

import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.Relationship;
import org.jspecify.annotations.Nullable;

/** What {@link ToOne} and {@link ToMany} share: the owner, the relationship, whether loaded, and the loader. */
abstract sealed class RelationHolder<T> permits ToOne, ToMany {

    final Object owner;
    private @Nullable Relationship<?, T> relationship;
    boolean loaded = true;

    @Nullable
    RelationLoader loader;

    RelationHolder(Object owner) {
        this.owner = owner;
    }

    /** Returns the relationship this holder is the value of, found once among the owner's mapped relationships. */
    @SuppressWarnings("unchecked")
    final Relationship<?, T> relationship() {
        Relationship<?, T> known = relationship;
        if (known == null) {
            for (Relationship<?, ?> candidate : EntityModel.of(owner.getClass()).relationships()) {
                if (candidate.holder(owner) == this) {
                    known = (Relationship<?, T>) candidate;
                    break;
                }
            }
            if (known == null) {
                throw new IllegalStateException("this relationship holder is not a mapped field of "
                        + owner.getClass().getName()
                        + "; create it in a field initializer as ToMany.create(this) or ToOne.create(this)");
            }
            relationship = known;
        }
        return known;
    }

    /**
     * Returns whether the related objects are in memory.
     *
     * @return {@code true} if they are loaded (always, for objects that are new)
     */
    public final boolean isLoaded() {
        return loaded;
    }

    /** Connects the holder to the session that loads it; {@code loaded} says whether its contents are already known. */
    final void bind(@Nullable RelationLoader loader, boolean loaded) {
        this.loader = loader;
        this.loaded = loaded;
    }

    /** Tells the owner's session, if any, that this relationship changed in memory. */
    final void changed() {
        RelationLoader current = loader;
        if (current != null) {
            current.changed(owner);
        }
    }

    final void ensureLoaded() {
        if (!loaded) {
            Relationship<?, T> relation = relationship();
            throw new LazyLoadException(relation + " of " + owner + " is not loaded, and Sluice never loads it behind a"
                    + " synchronous call: use " + relation.fieldName()
                    + (this instanceof ToMany ? ".flux()" : ".mono()")
                    + " to load it reactively, or load it up front with selectinLoad(" + relation + ") on the query");
        }
    }

    final RelationLoader requireLoader() {
        RelationLoader current = loader;
        if (current == null) {
            throw new DetachedInstanceException(
                    relationship() + " of " + owner + " is not loaded and the object belongs to no open"
                            + " session: load it in a session, or use an eager option before the session closes");
        }
        return current;
    }
}
