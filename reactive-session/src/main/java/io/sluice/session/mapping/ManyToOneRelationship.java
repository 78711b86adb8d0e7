package io.sluice.session.mapping;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.ColumnSource;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import java.lang.reflect.Field;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A reference to one object through a foreign key of the owner's table ({@code @ManyToOne ToOne<User> user}, keyed by {@code
 * userId}): {@code Address_.user}.
 *
 * @param <O> the owning class
 * @param <T> the referenced class
 */
public final class ManyToOneRelationship<O, T> extends Relationship<O, T> {

    ManyToOneRelationship(Class<O> owner, Class<T> target, String fieldName, String foreignKeyField, Field getter) {
        super(owner, target, fieldName, foreignKeyField, Set.of(), "", getter);
    }

    @Override
    public boolean isCollection() {
        return false;
    }

    @Override
    public boolean sharesTargets() {
        return true;
    }

    @Override
    public <R> R accept(RelationshipVisitor<R> visitor) {
        return visitor.visitManyToOne(this);
    }

    /**
     * Returns the owner's attribute holding the foreign key.
     *
     * @return the attribute
     */
    @SuppressWarnings("unchecked")
    public Attribute<O, Object> foreignKey() {
        return (Attribute<O, Object>) EntityModel.of(owner()).attribute(counterpart());
    }

    /**
     * Returns the target's primary key, which the foreign key references.
     *
     * @return the attribute
     */
    @SuppressWarnings("unchecked")
    public Attribute<T, Object> referencedKey() {
        return (Attribute<T, Object>) EntityModel.of(target()).ids().get(0);
    }

    /**
     * Returns the key of the object an owner refers to, from its foreign key.
     *
     * @param owner an object of the owning class
     * @return the foreign key's value, or {@code null}
     */
    public @Nullable Object targetKey(Object owner) {
        return foreignKey().read(owner);
    }

    /**
     * Returns the join condition between the owner's table and the target's: {@code users.id = addresses.user_id}.
     *
     * @return the condition
     */
    public Expression<Boolean> joinCondition() {
        return foreignKey().eq(referencedKey());
    }

    @Override
    public @Nullable OneToManyRelationship<T, O> inverse() {
        for (Relationship<T, ?> candidate : EntityModel.of(target()).relationships()) {
            if (candidate instanceof OneToManyRelationship<T, ?> collection
                    && collection.target() == owner()
                    && collection.counterpart().equals(fieldName())) {
                @SuppressWarnings("unchecked")
                OneToManyRelationship<T, O> inverse = (OneToManyRelationship<T, O>) collection;
                return inverse;
            }
        }
        return null;
    }

    @Override
    Select joinChecked(Select select, ColumnSource ownerSource, ColumnSource targetSource, boolean outer) {
        Column<Object> key = targetSource.column(referencedKey());
        return joinTo(select, targetSource, key.eq(ownerSource.column(foreignKey())), outer);
    }

    @Override
    public Expression<Boolean> withParent(Object parent) {
        requireOwner(parent);
        return referencedKey().eq(targetKey(parent));
    }

    @Override
    Expression<Boolean> exists(@Nullable Expression<Boolean> condition) {
        return SQL.select(referencedKey())
                .from(EntityModel.of(target()).table())
                .where(and(joinCondition(), condition))
                .exists();
    }

    /** The key of the object a reference is compared with; the messages are built only when a check fails. */
    private Object keyOf(T object) {
        Object id = EntityModel.identityOf(target(), Assert.requireNonNull(object, "object must not be null"));
        if (id == null) {
            throw new IllegalArgumentException(object + " has no key yet: flush it first");
        }
        return id;
    }

    @Override
    public Expression<Boolean> eq(T object) {
        return foreignKey().eq(keyOf(object));
    }

    @Override
    public Expression<Boolean> ne(T object) {
        Attribute<O, Object> foreignKey = foreignKey();
        return foreignKey.ne(keyOf(object)).or(foreignKey.isNull());
    }

    @Override
    public Expression<Boolean> isNull() {
        return foreignKey().isNull();
    }
}
