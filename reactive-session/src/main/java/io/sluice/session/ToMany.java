package io.sluice.session;

import io.sluice.core.internal.Assert;
import io.sluice.session.mapping.ManyToManyRelationship;
import io.sluice.session.mapping.Relationship;
import io.sluice.session.mapping.RelationshipHolder;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The value of a {@link io.sluice.session.mapping.OneToMany} field: a list of related objects, kept in step with their
 * references back. Create it in the field initializer: {@code private final ToMany<Address> addresses = ToMany.create(this);}.
 *
 * <p>A new object's collection is empty and usable at once. A loaded object's collection is not loaded until {@link #flux()}
 * (or an eager option of its query) loads it; until then the list methods fail with {@link
 * io.sluice.session.LazyLoadException} rather than query the database behind the caller's back.
 *
 * @param <T> the related class
 */
@RelationshipHolder(collection = true)
public final class ToMany<T> extends RelationHolder<T> implements List<T> {

    private final Elements elements = new Elements();
    private final List<T> removed = new ArrayList<>();
    private final List<T> added = new ArrayList<>();

    private ToMany(Object owner) {
        super(owner);
    }

    /**
     * Returns an empty collection owned by an object.
     *
     * @param owner the object whose field holds it ({@code this})
     * @param <T> the related class
     * @return the collection
     */
    public static <T> ToMany<T> create(Object owner) {
        return new ToMany<>(Assert.requireNonNull(owner, "owner must not be null"));
    }

    /**
     * Emits the related objects, loading them through the owner's session if they are not loaded yet (and then remembering
     * them).
     *
     * @return the objects; errors with {@link io.sluice.session.DetachedInstanceException} if they must be loaded and the owner
     *     has no open session
     */
    public Flux<T> flux() {
        return Flux.defer(() -> {
            if (loaded) {
                return Flux.fromIterable(new ArrayList<>(elements.list));
            }
            return requireLoader().fetch(owner, relationship()).flatMapMany(list -> {
                if (!loaded) {
                    fill(list);
                }
                return Flux.fromIterable(new ArrayList<>(elements.list));
            });
        });
    }

    /**
     * Returns a query over the related objects, to filter, order or count them in the database without loading the collection
     * (SQLAlchemy's dynamic relationship): {@code wendy.getPosts().query().filter(...).all()}.
     *
     * @return the query, run through the owner's session
     * @throws io.sluice.session.DetachedInstanceException if the owner has no open session
     */
    public io.sluice.session.Query<T> query() {
        return requireLoader().query(owner, relationship());
    }

    void fill(List<T> objects) {
        elements.list.clear();
        elements.list.addAll(objects);
        removed.clear();
        added.clear();
        loaded = true;
    }

    List<T> added() {
        return added;
    }

    void addQuietly(T element) {
        elements.list.add(element);
        removed.remove(element);
    }

    void removeQuietly(T element) {
        if (elements.list.remove(element)) {
            removed.add(element);
        }
    }

    boolean containsQuietly(Object element) {
        for (T candidate : elements.list) {
            if (candidate == element) {
                return true;
            }
        }
        return false;
    }

    List<T> peek() {
        return elements.list;
    }

    List<T> removed() {
        return removed;
    }

    @SuppressWarnings("unchecked")
    private void linked(T element) {
        changed();
        Relationship<?, ?> inverse = relationship().inverse();
        if (relationship() instanceof ManyToManyRelationship) {
            if (inverse != null
                    && inverse.holder(element) instanceof ToMany<?> other
                    && other.isLoaded()
                    && !other.containsQuietly(owner)) {
                ((ToMany<Object>) other).elements.list.add(owner);
            }
            if (!removed.remove(element)) {
                added.add(element);
            }
            return;
        }
        if (inverse != null && inverse.holder(element) instanceof ToOne<?> back) {
            Object previous = back.isLoaded() ? back.peek() : null;
            if (previous != null
                    && previous != owner
                    && relationship().holder(previous) instanceof ToMany<?> old
                    && old.isLoaded()) {
                ((ToMany<Object>) old).removeQuietly(element);
                old.changed();
            }
            ((ToOne<Object>) back).setQuietly(owner);
            back.modified = true;
            back.changed();
        }
        removed.remove(element);
    }

    private void unlinked(T element) {
        changed();
        Relationship<?, ?> inverse = relationship().inverse();
        if (relationship() instanceof ManyToManyRelationship) {
            if (inverse != null && inverse.holder(element) instanceof ToMany<?> other && other.isLoaded()) {
                other.elements.list.remove(owner);
            }
            if (!added.remove(element)) {
                removed.add(element);
            }
            return;
        }
        if (inverse != null
                && inverse.holder(element) instanceof ToOne<?> back
                && back.isLoaded()
                && back.peek() == owner) {
            back.setQuietly(null);
            back.modified = true;
            back.changed();
        }
        removed.add(element);
    }

    /** The list itself, whose changes keep the other side in step. */
    private final class Elements extends AbstractList<T> {
        final List<T> list = new ArrayList<>();

        @Override
        public T get(int index) {
            return list.get(index);
        }

        @Override
        public int size() {
            return list.size();
        }

        @Override
        public void add(int index, T element) {
            Assert.requireNonNull(element, "a relationship cannot hold null");
            list.add(index, element);
            linked(element);
        }

        @Override
        public T set(int index, T element) {
            Assert.requireNonNull(element, "a relationship cannot hold null");
            T previous = list.set(index, element);
            unlinked(previous);
            linked(element);
            return previous;
        }

        @Override
        public T remove(int index) {
            T previous = list.remove(index);
            unlinked(previous);
            return previous;
        }
    }

    private List<T> checked() {
        ensureLoaded();
        return elements;
    }

    @Override
    public int size() {
        return checked().size();
    }

    @Override
    public boolean isEmpty() {
        return checked().isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return checked().contains(o);
    }

    @Override
    public java.util.Iterator<T> iterator() {
        return checked().iterator();
    }

    @Override
    public Object[] toArray() {
        return checked().toArray();
    }

    @Override
    public <A> A[] toArray(A[] a) {
        return checked().toArray(a);
    }

    @Override
    public boolean add(T t) {
        return checked().add(t);
    }

    @Override
    public boolean remove(Object o) {
        return checked().remove(o);
    }

    @Override
    public boolean containsAll(java.util.Collection<?> c) {
        return checked().containsAll(c);
    }

    @Override
    public boolean addAll(java.util.Collection<? extends T> c) {
        return checked().addAll(c);
    }

    @Override
    public boolean addAll(int index, java.util.Collection<? extends T> c) {
        return checked().addAll(index, c);
    }

    @Override
    public boolean removeAll(java.util.Collection<?> c) {
        return checked().removeAll(c);
    }

    @Override
    public boolean retainAll(java.util.Collection<?> c) {
        return checked().retainAll(c);
    }

    @Override
    public void clear() {
        checked().clear();
    }

    @Override
    public T get(int index) {
        return checked().get(index);
    }

    @Override
    public T set(int index, T element) {
        return checked().set(index, element);
    }

    @Override
    public void add(int index, T element) {
        checked().add(index, element);
    }

    @Override
    public T remove(int index) {
        return checked().remove(index);
    }

    @Override
    public int indexOf(Object o) {
        return checked().indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return checked().lastIndexOf(o);
    }

    @Override
    public java.util.ListIterator<T> listIterator() {
        return checked().listIterator();
    }

    @Override
    public java.util.ListIterator<T> listIterator(int index) {
        return checked().listIterator(index);
    }

    @Override
    public List<T> subList(int fromIndex, int toIndex) {
        return checked().subList(fromIndex, toIndex);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other == this || (other instanceof List<?> list && loaded && elements.equals(list));
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return loaded ? elements.list.toString() : "<not loaded>";
    }
}
