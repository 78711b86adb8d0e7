package io.sluice.session.mapping;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.ColumnSource;
import io.sluice.core.sql.Conjunction;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.FromItem;
import io.sluice.core.sql.Select;
import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A mapped relationship between two classes, as the metamodel exposes it ({@code User_.addresses}, {@code Address_.user}): it
 * reads the {@code ToOne} or {@code ToMany} field of objects and builds SQL along the relationship — joins, conditions over
 * related objects ({@link #any(Expression)}, {@link #has(Expression)}, {@link #eq(Object)}, {@link #contains(Object)}) and the
 * filter by a parent ({@link #withParent(Object)}). Each kind is a class of its own that knows its keys: {@link
 * ManyToOneRelationship} (a reference through the owner's foreign key), {@link OneToManyRelationship} (a collection whose
 * table has the foreign key) and {@link ManyToManyRelationship} (a collection linked through an association table).
 *
 * @param <O> the owning class
 * @param <T> the related class
 */
public abstract sealed class Relationship<O, T>
        permits ManyToOneRelationship, OneToManyRelationship, ManyToManyRelationship {

    private final Class<O> owner;
    private final Class<T> target;
    private final String fieldName;
    private final String counterpart;
    private final Set<Cascade> cascades;
    private final String orderBy;
    private final Field getter;

    Relationship(
            Class<O> owner,
            Class<T> target,
            String fieldName,
            String counterpart,
            Set<Cascade> cascades,
            String orderBy,
            Field getter) {
        this.owner = owner;
        this.target = target;
        this.fieldName = fieldName;
        this.counterpart = counterpart;
        this.cascades = cascades.isEmpty() ? EnumSet.noneOf(Cascade.class) : EnumSet.copyOf(cascades);
        if (this.cascades.contains(Cascade.ALL)) {
            this.cascades.add(Cascade.DELETE);
        }
        this.orderBy = orderBy;
        this.getter = getter;
    }

    /** Returns the owning class. @return the class */
    public Class<O> owner() {
        return owner;
    }

    /** Returns the related class. @return the class */
    public Class<T> target() {
        return target;
    }

    /** Returns the relationship field's name. @return the name */
    public String fieldName() {
        return fieldName;
    }

    /** The name the mapping gave the other side: the foreign-key field, {@code mappedBy}, or the inverse collection. */
    final String counterpart() {
        return counterpart;
    }

    /**
     * Returns whether a cascade is on.
     *
     * @param cascade the cascade
     * @return {@code true} if it is
     */
    public boolean cascades(Cascade cascade) {
        return cascade == Cascade.SAVE_UPDATE || cascades.contains(cascade);
    }

    /**
     * Returns whether the field holds a collection ({@code ToMany}) rather than a reference ({@code ToOne}).
     *
     * @return {@code true} for a one-to-many or many-to-many
     */
    public abstract boolean isCollection();

    /**
     * Returns whether one related object may stand in the results of several owners: a referenced object is shared, and so is
     * an object of a many-to-many collection; the objects of a one-to-many belong to one owner each.
     *
     * @return {@code true} unless this is a one-to-many
     */
    public abstract boolean sharesTargets();

    /**
     * Returns the other side of a bidirectional relationship.
     *
     * @return the inverse, or {@code null} if only this side is mapped
     */
    public abstract @Nullable Relationship<T, O> inverse();

    /**
     * Calls the visitor's method for this kind of relationship.
     *
     * @param visitor the visitor
     * @param <R> what the visitor returns
     * @return what it returned
     */
    public abstract <R> R accept(RelationshipVisitor<R> visitor);

    /**
     * Returns the attribute of the target that orders a loaded collection.
     *
     * @return the attribute
     */
    public Attribute<T, ?> orderBy() {
        EntityModel<T> model = EntityModel.of(target);
        return orderBy.isEmpty() ? model.ids().get(0) : model.attribute(orderBy);
    }

    /**
     * Returns the relationship field's value in an object: its {@code ToOne} or {@code ToMany}.
     *
     * @param object an object of the owning class
     * @return the holder
     */
    public Object holder(Object object) {
        try {
            Object holder = getter.get(object);
            if (holder == null) {
                throw new IllegalStateException(this + " is null in " + object
                        + "; initialize the field with ToMany.create(this) or ToOne.create(this)");
            }
            return holder;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns a select joined along this relationship from the owner's table to the target's: {@code JOIN addresses ON
     * addresses.user_id = users.id}; a many-to-many joins its association table, then the target's.
     *
     * @param select the select whose FROM holds the owner's table
     * @param outer {@code true} for a LEFT OUTER JOIN
     * @return the joined select
     */
    public Select join(Select select, boolean outer) {
        return join(
                select, EntityModel.of(owner).table(), EntityModel.of(target).table(), outer);
    }

    /**
     * Returns a select joined along this relationship between two sources, either of which may be an alias or a subquery of its
     * class: {@code JOIN addresses AS addresses_1 ON addresses_1.user_id = users.id}.
     *
     * @param select the select whose FROM holds {@code ownerSource}
     * @param ownerSource the owning class's table, alias or subquery
     * @param targetSource the related class's table, alias or subquery, which the select joins
     * @param outer {@code true} for a LEFT OUTER JOIN
     * @return the joined select
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public final Select join(Select select, ColumnSource ownerSource, ColumnSource targetSource, boolean outer) {
        Assert.requireNonNull(select, "select must not be null");
        Assert.requireNonNull(ownerSource, "ownerSource must not be null");
        Assert.requireNonNull(targetSource, "targetSource must not be null");
        return joinChecked(select, ownerSource, targetSource, outer);
    }

    /** The join of this kind, its arguments checked. */
    abstract Select joinChecked(Select select, ColumnSource ownerSource, ColumnSource targetSource, boolean outer);

    /** {@code select JOIN target ON condition}, or a LEFT OUTER JOIN. */
    static Select joinTo(Select select, ColumnSource target, Expression<Boolean> on, boolean outer) {
        FromItem joined = (FromItem) target;
        return outer ? select.leftJoin(joined, on) : select.join(joined, on);
    }

    /**
     * Returns the condition that an object of the related class is one this relationship of a parent holds, for a query of the
     * related class (SQLAlchemy's {@code with_parent}).
     *
     * @param parent an object of the owning class; with a key, for a collection
     * @return the condition
     * @throws IllegalArgumentException if the parent is not of the owning class, or a collection's parent has no key yet
     */
    public abstract Expression<Boolean> withParent(Object parent);

    /**
     * Returns {@code EXISTS} a related object (for a collection) matching a condition:
     * {@code User_.addresses.any(Address_.emailAddress.like("%google%"))}.
     *
     * @param condition a condition over the target's attributes
     * @return the condition
     */
    public Expression<Boolean> any(Expression<Boolean> condition) {
        Assert.requireNonNull(condition, "condition must not be null");
        return exists(condition);
    }

    /**
     * Returns {@code EXISTS} a related object.
     *
     * @return the condition
     */
    public Expression<Boolean> any() {
        return exists(null);
    }

    /**
     * Returns {@code EXISTS} a referenced object (for a reference) matching a condition: {@code Address_.user.has(User_.name.eq("jack"))}.
     *
     * @param condition a condition over the target's attributes
     * @return the condition
     */
    public Expression<Boolean> has(Expression<Boolean> condition) {
        Assert.requireNonNull(condition, "condition must not be null");
        return exists(condition);
    }

    /** {@code EXISTS (SELECT ... WHERE <related to the owner's row> [AND condition])}. */
    abstract Expression<Boolean> exists(@Nullable Expression<Boolean> condition);

    /**
     * Returns the condition that a collection holds an object (SQLAlchemy's {@code contains}): {@code
     * User_.addresses.contains(address)}. For a one-to-many, the owner's key equals the object's foreign key ({@code users.id =
     * ?}, as SQLAlchemy writes it); for a many-to-many, a row of the association table links the two.
     *
     * @param object an object of the related class: with its foreign key set for a one-to-many, with a key for a many-to-many
     * @return the condition
     * @throws IllegalArgumentException if this is a reference (use {@link #eq(Object)}), or the object has no foreign key or
     *     key yet (flush it first)
     */
    public Expression<Boolean> contains(T object) {
        throw new IllegalArgumentException(this + " is a reference, not a collection: use eq(object) instead");
    }

    /**
     * Returns the condition that a reference points to an object: {@code owner.fk = id}.
     *
     * @param object an object of the target class with a key
     * @return the condition
     * @throws IllegalArgumentException if this is not a many-to-one or the object has no key yet
     */
    public Expression<Boolean> eq(T object) {
        throw new IllegalArgumentException(this + " is a collection: compare with any(...) instead");
    }

    /**
     * Returns the condition that a reference does not point to an object: {@code owner.fk <> id OR owner.fk IS NULL}.
     *
     * @param object an object of the target class with a key
     * @return the condition
     * @throws IllegalArgumentException if this is not a many-to-one or the object has no key yet
     */
    public Expression<Boolean> ne(T object) {
        throw new IllegalArgumentException(this + " is a collection: compare with any(...) instead");
    }

    /**
     * Returns the condition that a reference points to nothing: {@code owner.fk IS NULL}.
     *
     * @return the condition
     * @throws IllegalArgumentException if this is not a many-to-one
     */
    public Expression<Boolean> isNull() {
        throw new IllegalArgumentException(this + " is a collection: use any() and not(...) instead");
    }

    /** Checks that an object is of the related class. */
    final void requireTarget(Object object) {
        Assert.requireNonNull(object, "object must not be null");
        Assert.isTrue(
                target.isInstance(object),
                object + " is not a " + target.getSimpleName() + ", which " + this + " holds");
    }

    /** Checks that a parent is of the owning class. */
    final void requireOwner(Object parent) {
        Assert.requireNonNull(parent, "parent must not be null");
        Assert.isTrue(owner.isInstance(parent), parent + " is not a " + owner.getSimpleName() + ", which owns " + this);
    }

    /** Returns the key of an object of the owning class, which a collection's parent must have. */
    final Object ownerKey(Object parent) {
        Object key = EntityModel.identityOf(owner, parent);
        if (key == null) {
            throw new IllegalArgumentException(parent + " has no key yet: flush it first");
        }
        return key;
    }

    /** {@code first AND second}, or {@code first} alone. */
    static Expression<Boolean> and(Expression<Boolean> first, @Nullable Expression<Boolean> second) {
        return second == null ? first : Conjunction.of(Conjunction.Kind.AND, List.of(first, second));
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + fieldName;
    }
}
