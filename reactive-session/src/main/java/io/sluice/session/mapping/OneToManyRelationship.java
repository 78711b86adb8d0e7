package io.sluice.session.mapping;

import io.sluice.core.sql.Column;
import io.sluice.core.sql.ColumnSource;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import java.lang.reflect.Field;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A collection of objects whose table has a foreign key to the owner's ({@code @OneToMany(mappedBy = "user") ToMany<Address>
 * addresses}): {@code User_.addresses}.
 *
 * @param <O> the owning class
 * @param <T> the related class
 */
public final class OneToManyRelationship<O, T> extends Relationship<O, T> {

    OneToManyRelationship(
            Class<O> owner,
            Class<T> target,
            String fieldName,
            String mappedBy,
            Set<Cascade> cascades,
            String orderBy,
            Field getter) {
        super(owner, target, fieldName, mappedBy, cascades, orderBy, getter);
    }

    @Override
    public boolean isCollection() {
        return true;
    }

    @Override
    public boolean sharesTargets() {
        return false;
    }

    @Override
    public <R> R accept(RelationshipVisitor<R> visitor) {
        return visitor.visitOneToMany(this);
    }

    /**
     * Returns the reference of the related class that this collection is mapped by.
     *
     * @return the many-to-one on the other side
     */
    @Override
    @SuppressWarnings("unchecked")
    public ManyToOneRelationship<T, O> inverse() {
        return (ManyToOneRelationship<T, O>) EntityModel.of(target()).relationship(counterpart());
    }

    /**
     * Returns the related class's attribute holding the foreign key to the owner.
     *
     * @return the attribute
     */
    public Attribute<T, Object> foreignKey() {
        return inverse().foreignKey();
    }

    /**
     * Returns the owner's primary key, which the foreign key references.
     *
     * @return the attribute
     */
    @SuppressWarnings("unchecked")
    public Attribute<O, Object> referencedKey() {
        return (Attribute<O, Object>) EntityModel.of(owner()).ids().get(0);
    }

    /**
     * Returns the join condition between the owner's table and the target's: {@code addresses.user_id = users.id}.
     *
     * @return the condition
     */
    public Expression<Boolean> joinCondition() {
        return foreignKey().eq(referencedKey());
    }

    @Override
    Select joinChecked(Select select, ColumnSource ownerSource, ColumnSource targetSource, boolean outer) {
        Column<Object> foreignKey = targetSource.column(foreignKey());
        return joinTo(select, targetSource, foreignKey.eq(ownerSource.column(referencedKey())), outer);
    }

    @Override
    public Expression<Boolean> withParent(Object parent) {
        requireOwner(parent);
        return foreignKey().eq(ownerKey(parent));
    }

    @Override
    Expression<Boolean> exists(@Nullable Expression<Boolean> condition) {
        return SQL.select(EntityModel.of(target()).ids().get(0))
                .from(EntityModel.of(target()).table())
                .where(and(joinCondition(), condition))
                .exists();
    }

    @Override
    public Expression<Boolean> contains(T object) {
        requireTarget(object);
        Object parentKey = foreignKey().read(object);
        if (parentKey == null) {
            throw new IllegalArgumentException(
                    object + " has no value in " + foreignKey() + " yet: flush it first, or compare with any(...)");
        }
        return referencedKey().eq(parentKey);
    }
}
