package io.sluice.session;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** How the session reaches into relationship holders. Internal to Sluice; not for application code. */
final class RelationAccess {

    private RelationAccess() {}

    /**
     * Connects a holder to the session that can load it.
     *
     * @param holder a {@link ToOne} or {@link ToMany}
     * @param loader the session's loader, or {@code null} when the session closes
     * @param loaded whether the holder's contents are known
     */
    static void bind(Object holder, @Nullable RelationLoader loader, boolean loaded) {
        ((RelationHolder<?>) holder).bind(loader, loaded);
    }

    /**
     * Returns the session a holder is bound to.
     *
     * @param holder a {@link ToOne} or {@link ToMany}
     * @return its loader, or {@code null} if unbound
     */
    static @Nullable RelationLoader loaderOf(Object holder) {
        return ((RelationHolder<?>) holder).loader;
    }

    /**
     * Returns whether a holder's contents are known.
     *
     * @param holder a {@link ToOne} or {@link ToMany}
     * @return {@code true} if loaded
     */
    static boolean isLoaded(Object holder) {
        return ((RelationHolder<?>) holder).isLoaded();
    }

    /**
     * Fills a holder with loaded objects, unless it was filled meanwhile.
     *
     * @param holder a {@link ToOne} or {@link ToMany}
     * @param objects the objects
     */
    @SuppressWarnings("unchecked")
    static void fill(Object holder, List<?> objects) {
        if (holder instanceof ToMany<?> many) {
            ((ToMany<Object>) many).fill((List<Object>) objects);
        } else {
            ((ToOne<Object>) holder).fill((List<Object>) objects);
        }
    }

    /**
     * Returns the objects a loaded holder holds, without checks.
     *
     * @param holder a {@link ToOne} or {@link ToMany}
     * @return the objects
     */
    static List<?> contents(Object holder) {
        if (holder instanceof ToMany<?> many) {
            return List.copyOf(many.peek());
        }
        Object value = ((ToOne<?>) holder).peek();
        return value == null ? List.of() : List.of(value);
    }

    /**
     * Returns the objects removed from a collection since it was loaded (orphans), and forgets them.
     *
     * @param holder a {@link ToMany}
     * @return the removed objects
     */
    static List<?> takeRemoved(ToMany<?> holder) {
        List<?> removed = List.copyOf(holder.removed());
        holder.removed().clear();
        return removed;
    }

    /**
     * Sets a reference without touching the other side.
     *
     * @param holder a {@link ToOne}
     * @param value the new value
     */
    @SuppressWarnings("unchecked")
    static void setQuietly(ToOne<?> holder, @Nullable Object value) {
        ((ToOne<Object>) holder).setQuietly(value);
    }

    /**
     * Removes an object from a collection without touching the other side and without counting it as an orphan.
     *
     * @param holder a {@link ToMany}
     * @param element the object
     */
    @SuppressWarnings("unchecked")
    static void forget(ToMany<?> holder, Object element) {
        ((ToMany<Object>) holder).removeQuietly(element);
        holder.removed().remove(element);
    }

    /**
     * Returns whether a reference was set by the application since it was loaded or last flushed.
     *
     * @param holder a {@link ToOne}
     * @return {@code true} if it was
     */
    static boolean isModified(ToOne<?> holder) {
        return holder.modified;
    }

    /**
     * Records that a reference's value is now reflected by its foreign key.
     *
     * @param holder a {@link ToOne}
     */
    static void clearModified(ToOne<?> holder) {
        holder.modified = false;
    }

    /**
     * Returns the objects added to a many-to-many collection since it was loaded or last flushed, and forgets them.
     *
     * @param holder a {@link ToMany}
     * @return the added objects
     */
    static List<?> takeAdded(ToMany<?> holder) {
        List<?> added = List.copyOf(holder.added());
        holder.added().clear();
        return added;
    }

    /**
     * Returns whether a many-to-many collection gained or lost objects since it was loaded or last flushed.
     *
     * @param holder a {@link ToMany}
     * @return {@code true} if it did
     */
    static boolean hasLinkChanges(ToMany<?> holder) {
        return holder.isLoaded()
                && (!holder.added().isEmpty() || !holder.removed().isEmpty());
    }
}
