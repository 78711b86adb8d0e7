package io.sluice.session;

import io.sluice.core.internal.Assert;
import io.sluice.session.mapping.Relationship;
import io.sluice.session.mapping.RelationshipHolder;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The value of a {@link io.sluice.session.mapping.ManyToOne} field: a reference to one related object, kept in step with the
 * other side's collection. Create it in the field initializer: {@code private final ToOne<User> user = ToOne.create(this);}.
 *
 * <p>Reading it synchronously ({@link #get()}) works when it is loaded, and otherwise fails with {@link
 * io.sluice.session.LazyLoadException}; {@link #mono()} loads it through the owner's session when needed.
 *
 * @param <T> the related class
 */
@RelationshipHolder(collection = false)
public final class ToOne<T> extends RelationHolder<T> {

    private @Nullable T value;
    boolean modified;

    private ToOne(Object owner) {
        super(owner);
    }

    /**
     * Returns an empty reference owned by an object.
     *
     * @param owner the object whose field holds it ({@code this})
     * @param <T> the related class
     * @return the reference
     */
    public static <T> ToOne<T> create(Object owner) {
        return new ToOne<>(Assert.requireNonNull(owner, "owner must not be null"));
    }

    /**
     * Returns the related object.
     *
     * @return the object, or {@code null}
     * @throws io.sluice.session.LazyLoadException if it is not loaded
     */
    public @Nullable T get() {
        ensureLoaded();
        return value;
    }

    /**
     * Sets the related object, and keeps the other side in step: the owner joins the new object's collection (if loaded) and
     * leaves the old one's.
     *
     * @param target the new object, or {@code null}
     */
    @SuppressWarnings("unchecked")
    public void set(@Nullable T target) {
        T previous = loaded ? value : null;
        setQuietly(target);
        modified = true;
        changed();
        Relationship<?, ?> inverse = relationship().inverse();
        if (inverse == null || previous == target) {
            return;
        }
        if (previous != null && inverse.holder(previous) instanceof ToMany<?> old && old.isLoaded()) {
            ((ToMany<Object>) old).removeQuietly(owner);
            old.changed();
        }
        if (target != null
                && inverse.holder(target) instanceof ToMany<?> now
                && now.isLoaded()
                && !now.containsQuietly(owner)) {
            ((ToMany<Object>) now).addQuietly(owner);
            now.changed();
        }
    }

    /** Sets the value without touching the other side. */
    void setQuietly(@Nullable T target) {
        value = target;
        loaded = true;
    }

    /**
     * Emits the related object, loading it through the owner's session if it is not loaded yet.
     *
     * @return the object, or empty if there is none; errors with {@link io.sluice.session.DetachedInstanceException} if it must
     *     be loaded and the owner has no open session
     */
    public Mono<T> mono() {
        return Mono.defer(() -> {
            if (loaded) {
                return Mono.justOrEmpty(value);
            }
            return requireLoader().fetch(owner, relationship()).flatMap(list -> {
                if (!loaded) {
                    setQuietly(list.isEmpty() ? null : list.get(0));
                }
                return Mono.justOrEmpty(value);
            });
        });
    }

    /** Fills the reference with what a loader found. */
    void fill(List<T> objects) {
        setQuietly(objects.isEmpty() ? null : objects.get(0));
        modified = false;
    }

    /**
     * Returns the value without checking that it is loaded.
     *
     * @return the value, or {@code null}
     */
    @Nullable
    T peek() {
        return value;
    }

    @Override
    public String toString() {
        return loaded ? String.valueOf(value) : "<not loaded>";
    }
}
