package io.sluice.session.mapping;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Conjunction;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.Table;
import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A mapped relationship between two classes, as the metamodel exposes it ({@code User_.addresses}, {@code Address_.user}): it
 * reads the {@link io.sluice.session.ToOne} or {@link io.sluice.session.ToMany} field of objects, gives the
 * join condition between the two tables, and builds conditions over related objects ({@link #any(Expression)}, {@link
 * #has(Expression)}, {@link #eq(Object)}).
 *
 * @param <O> the owning class
 * @param <T> the related class
 */
public final class Relationship<O, T> {

    /** The kinds of relationship. */
    public enum Kind {
        /** A reference to one object, through a foreign key of the owner's table. */
        MANY_TO_ONE,
        /** A collection of objects whose table has a foreign key to the owner's. */
        ONE_TO_MANY,
        /** A collection of objects linked through the rows of an association table. */
        MANY_TO_MANY
    }

    private final Class<O> owner;
    private final Class<T> target;
    private final String fieldName;
    private final Kind kind;
    private final String counterpart;
    private final Set<Cascade> cascades;
    private final String orderBy;
    private final Field getter;
    private final @Nullable Table association;

    Relationship(
            Class<O> owner,
            Class<T> target,
            String fieldName,
            Kind kind,
            String counterpart,
            Set<Cascade> cascades,
            String orderBy,
            Field getter,
            @Nullable Table association) {
        this.association = association;
        this.owner = owner;
        this.target = target;
        this.fieldName = fieldName;
        this.kind = kind;
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

    /** Returns the kind. @return the kind */
    public Kind kind() {
        return kind;
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
     * Returns the attribute holding the foreign key: the owner's for a many-to-one, the target's for a one-to-many.
     *
     * @return the attribute
     */
    public Attribute<?, ?> foreignKey() {
        if (kind == Kind.MANY_TO_MANY) {
            throw new IllegalStateException(this + " is many-to-many: its keys are in the association table");
        }
        if (kind == Kind.MANY_TO_ONE) {
            return EntityModel.of(owner).attribute(counterpart);
        }
        Relationship<?, ?> inverse = EntityModel.of(target).relationship(counterpart);
        return inverse.foreignKey();
    }

    /**
     * Returns the primary key the foreign key references: the target's for a many-to-one, the owner's for a one-to-many.
     *
     * @return the attribute
     */
    public Attribute<?, ?> referencedKey() {
        Class<?> referenced = kind == Kind.MANY_TO_ONE ? target : owner;
        return EntityModel.of(referenced).ids().get(0);
    }

    /**
     * Returns the other side of a bidirectional relationship.
     *
     * @return the inverse, or {@code null} if only this side is mapped
     */
    public @Nullable Relationship<T, O> inverse() {
        if (kind == Kind.MANY_TO_MANY) {
            if (association == null) {
                return castInverse(EntityModel.of(target).relationship(counterpart));
            }
            for (Relationship<T, ?> candidate : EntityModel.of(target).relationships()) {
                if (candidate.kind == Kind.MANY_TO_MANY
                        && candidate.target == owner
                        && candidate.counterpart.equals(fieldName)) {
                    return castInverse(candidate);
                }
            }
            return null;
        }
        if (kind == Kind.ONE_TO_MANY) {
            return castInverse(EntityModel.of(target).relationship(counterpart));
        }
        for (Relationship<T, ?> candidate : EntityModel.of(target).relationships()) {
            if (candidate.kind == Kind.ONE_TO_MANY
                    && candidate.target == owner
                    && candidate.counterpart.equals(fieldName)) {
                return castInverse(candidate);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Relationship<T, O> castInverse(Relationship<?, ?> relationship) {
        return (Relationship<T, O>) relationship;
    }

    /**
     * Returns the association table of a many-to-many relationship (from whichever side).
     *
     * @return the table
     * @throws IllegalStateException if this is not a many-to-many
     */
    public Table association() {
        return java.util.Objects.requireNonNull(owningSide().association);
    }

    /**
     * Returns the association table's column that references the owner of this side.
     *
     * @return the column
     */
    public Column<?> associationOwnerColumn() {
        Relationship<?, ?> owning = owningSide();
        return owning.association().columns().get(owning == this ? 0 : 1);
    }

    /**
     * Returns the association table's column that references the related class of this side.
     *
     * @return the column
     */
    public Column<?> associationTargetColumn() {
        Relationship<?, ?> owning = owningSide();
        return owning.association().columns().get(owning == this ? 1 : 0);
    }

    /**
     * Returns whether this side names the association table (the other side is mapped by it).
     *
     * @return {@code true} on the owning side of a many-to-many
     */
    public boolean isOwningSide() {
        return association != null;
    }

    private Relationship<?, ?> owningSide() {
        if (kind != Kind.MANY_TO_MANY) {
            throw new IllegalStateException(this + " has no association table");
        }
        if (association != null) {
            return this;
        }
        Relationship<?, ?> other = EntityModel.of(target).relationship(counterpart);
        if (other.association == null) {
            throw new IllegalStateException(this + " is mappedBy " + other + ", which names no association table");
        }
        return other;
    }

    /**
     * Returns the attribute of the target that orders a loaded collection.
     *
     * @return the attribute
     */
    public Attribute<?, ?> orderBy() {
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
                        + "; initialize the field with ToMany.create(this)" + " or ToOne.create(this)");
            }
            return holder;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the join condition between the owner's table and the target's.
     *
     * @return {@code target.fk = owner.pk} or {@code owner.fk = target.pk}
     */
    @SuppressWarnings("unchecked")
    public Expression<Boolean> joinCondition() {
        return ((Attribute<?, Object>) foreignKey()).eq((Expression<Object>) referencedKey());
    }

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

    @SuppressWarnings("unchecked")
    private Expression<Boolean> exists(@Nullable Expression<Boolean> condition) {
        EntityModel<T> model = EntityModel.of(target);
        if (kind == Kind.MANY_TO_MANY) {
            Attribute<?, Object> ownerKey =
                    (Attribute<?, Object>) EntityModel.of(owner).ids().get(0);
            Attribute<?, Object> targetKey = (Attribute<?, Object>) model.ids().get(0);
            Expression<Boolean> links = Conjunction.of(
                    Conjunction.Kind.AND,
                    List.of(((Column<Object>) associationOwnerColumn()).eq(ownerKey), targetKey.eq((Column<Object>)
                            associationTargetColumn())));
            Select select = SQL.select(targetKey)
                    .from(association(), model.table())
                    .where(condition == null ? links : Conjunction.of(Conjunction.Kind.AND, List.of(links, condition)));
            return select.exists();
        }
        Expression<Boolean> join = joinCondition();
        Select select = SQL.select(model.ids().get(0))
                .from(model.table())
                .where(condition == null ? join : Conjunction.of(Conjunction.Kind.AND, List.of(join, condition)));
        return select.exists();
    }

    /**
     * Returns the condition that a collection holds an object (SQLAlchemy's {@code contains}): {@code
     * User_.addresses.contains(address)}. For a one-to-many, the owner's key equals the object's foreign key ({@code users.id =
     * ?}, as SQLAlchemy writes it); for a many-to-many, a row of the association table links the two ({@code EXISTS (SELECT ...
     * FROM post_keywords WHERE post_keywords.post_id = posts.id AND post_keywords.keyword_id = ?)}).
     *
     * @param object an object of the related class: with its foreign key set for a one-to-many, with a key for a many-to-many
     * @return the condition
     * @throws IllegalArgumentException if this is a reference (use {@link #eq(Object)}), or the object has no foreign key or
     *     key yet (flush it first)
     */
    @SuppressWarnings("unchecked")
    public Expression<Boolean> contains(T object) {
        Assert.requireNonNull(object, "object must not be null");
        Assert.isTrue(
                target.isInstance(object),
                object + " is not a " + target.getSimpleName() + ", which " + this + " holds");
        if (kind == Kind.MANY_TO_ONE) {
            throw new IllegalArgumentException(this + " is a reference, not a collection: use eq(object) instead");
        }
        if (kind == Kind.ONE_TO_MANY) {
            Object parentKey = ((Attribute<Object, Object>) foreignKey()).get(object);
            if (parentKey == null) {
                throw new IllegalArgumentException(
                        object + " has no value in " + foreignKey() + " yet: flush it first, or compare with any(...)");
            }
            return ((Attribute<?, Object>) referencedKey()).eq(parentKey);
        }
        Object targetKey = EntityModel.of(target).identity(object);
        if (targetKey == null) {
            throw new IllegalArgumentException(object + " has no key yet: flush it first");
        }
        Column<Object> mine = (Column<Object>) associationOwnerColumn();
        Attribute<?, Object> ownerKey =
                (Attribute<?, Object>) EntityModel.of(owner).ids().get(0);
        return SQL.select(mine)
                .from(association())
                .where(mine.eq(ownerKey).and(((Column<Object>) associationTargetColumn()).eq(targetKey)))
                .exists();
    }

    /**
     * Returns the condition that an object of the related class is one this relationship of a parent holds, for a query of the
     * related class (SQLAlchemy's {@code with_parent}): {@code target.fk = ?} for a one-to-many, {@code target.id = ?} (the
     * parent's foreign key) for a reference, {@code target.id IN (SELECT ... FROM association WHERE owner_column = ?)} for a
     * many-to-many.
     *
     * @param parent an object of the owning class; with a key, for a collection
     * @return the condition
     * @throws IllegalArgumentException if the parent is not of the owning class, or a collection's parent has no key yet
     */
    @SuppressWarnings("unchecked")
    public Expression<Boolean> withParent(Object parent) {
        Assert.requireNonNull(parent, "parent must not be null");
        Assert.isTrue(owner.isInstance(parent), parent + " is not a " + owner.getSimpleName() + ", which owns " + this);
        if (kind == Kind.MANY_TO_ONE) {
            Object reference = ((Attribute<Object, Object>) foreignKey()).get(parent);
            return ((Attribute<?, Object>) referencedKey()).eq(reference);
        }
        Object parentKey = ((EntityModel<Object>) (EntityModel<?>) EntityModel.of(owner)).identity(parent);
        if (parentKey == null) {
            throw new IllegalArgumentException(parent + " has no key yet: flush it first");
        }
        if (kind == Kind.ONE_TO_MANY) {
            return ((Attribute<?, Object>) foreignKey()).eq(parentKey);
        }
        Attribute<?, Object> targetKey =
                (Attribute<?, Object>) EntityModel.of(target).ids().get(0);
        return targetKey.in(SQL.select(associationTargetColumn())
                .from(association())
                .where(((Column<Object>) associationOwnerColumn()).eq(parentKey)));
    }

    /** The key of the object a reference is compared with; the messages are built only when a check fails. */
    private Object keyOf(T object) {
        if (kind != Kind.MANY_TO_ONE) {
            throw new IllegalArgumentException(this + " is a collection: compare with any(...) instead");
        }
        Object id = EntityModel.of(target).identity(Assert.requireNonNull(object, "object must not be null"));
        if (id == null) {
            throw new IllegalArgumentException(object + " has no key yet: flush it first");
        }
        return id;
    }

    /**
     * Returns the condition that a reference points to an object: {@code owner.fk = id}.
     *
     * @param object an object of the target class with a key
     * @return the condition
     * @throws IllegalArgumentException if this is not a many-to-one or the object has no key yet
     */
    @SuppressWarnings("unchecked")
    public Expression<Boolean> eq(T object) {
        Object id = keyOf(object);
        return ((Attribute<?, Object>) foreignKey()).eq(id);
    }

    /**
     * Returns the condition that a reference does not point to an object: {@code owner.fk <> id OR owner.fk IS NULL}.
     *
     * @param object an object of the target class with a key
     * @return the condition
     */
    @SuppressWarnings("unchecked")
    public Expression<Boolean> ne(T object) {
        Object id = keyOf(object);
        Attribute<?, Object> foreignKey = (Attribute<?, Object>) foreignKey();
        return foreignKey.ne(id).or(foreignKey.isNull());
    }

    /**
     * Returns the condition that a reference points to nothing: {@code owner.fk IS NULL}.
     *
     * @return the condition
     */
    public Expression<Boolean> isNull() {
        if (kind != Kind.MANY_TO_ONE) {
            throw new IllegalArgumentException(this + " is a collection: use any() and not(...) instead");
        }
        return foreignKey().isNull();
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + fieldName;
    }
}
