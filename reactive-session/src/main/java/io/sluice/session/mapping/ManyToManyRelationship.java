package io.sluice.session.mapping;

import io.sluice.core.sql.Column;
import io.sluice.core.sql.ColumnSource;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.Table;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A collection of objects linked through the rows of an association table ({@code @ManyToMany(table = "post_keywords")
 * ToMany<Keyword> keywords} on the owning side, {@code @ManyToMany(mappedBy = "keywords") ToMany<BlogPost> posts} on the
 * other): {@code BlogPost_.keywords}.
 *
 * @param <O> the owning class
 * @param <T> the related class
 */
public final class ManyToManyRelationship<O, T> extends Relationship<O, T> {

    private final @Nullable Table association;

    ManyToManyRelationship(
            Class<O> owner,
            Class<T> target,
            String fieldName,
            String mappedBy,
            String orderBy,
            Field getter,
            @Nullable Table association) {
        super(owner, target, fieldName, mappedBy, Set.of(), orderBy, getter);
        this.association = association;
    }

    @Override
    public boolean isCollection() {
        return true;
    }

    @Override
    public boolean sharesTargets() {
        return true;
    }

    @Override
    public <R> R accept(RelationshipVisitor<R> visitor) {
        return visitor.visitManyToMany(this);
    }

    @Override
    public @Nullable ManyToManyRelationship<T, O> inverse() {
        if (association == null) {
            return castInverse(EntityModel.of(target()).relationship(counterpart()));
        }
        for (Relationship<T, ?> candidate : EntityModel.of(target()).relationships()) {
            if (candidate instanceof ManyToManyRelationship<T, ?> other
                    && other.target() == owner()
                    && other.counterpart().equals(fieldName())) {
                return castInverse(other);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private ManyToManyRelationship<T, O> castInverse(Relationship<T, ?> relationship) {
        return (ManyToManyRelationship<T, O>) relationship;
    }

    /**
     * Returns whether this side names the association table (the other side is mapped by it).
     *
     * @return {@code true} on the owning side
     */
    public boolean isOwningSide() {
        return association != null;
    }

    private ManyToManyRelationship<?, ?> owningSide() {
        if (association != null) {
            return this;
        }
        Relationship<?, ?> other = EntityModel.of(target()).relationship(counterpart());
        if (!(other instanceof ManyToManyRelationship<?, ?> owning) || owning.association == null) {
            throw new IllegalStateException(this + " is mappedBy " + other + ", which names no association table");
        }
        return owning;
    }

    /**
     * Returns the association table (from whichever side).
     *
     * @return the table
     */
    public Table association() {
        return Objects.requireNonNull(owningSide().association);
    }

    /**
     * Returns the association table's column that references the owner of this side.
     *
     * @return the column
     */
    @SuppressWarnings("unchecked")
    public Column<Object> associationOwnerColumn() {
        ManyToManyRelationship<?, ?> owning = owningSide();
        return (Column<Object>) owning.association().columns().get(owning == this ? 0 : 1);
    }

    /**
     * Returns the association table's column that references the related class of this side.
     *
     * @return the column
     */
    @SuppressWarnings("unchecked")
    public Column<Object> associationTargetColumn() {
        ManyToManyRelationship<?, ?> owning = owningSide();
        return (Column<Object>) owning.association().columns().get(owning == this ? 1 : 0);
    }

    /**
     * Returns the owner's primary key, which the association's owner column references.
     *
     * @return the attribute
     */
    @SuppressWarnings("unchecked")
    public Attribute<O, Object> ownerKey() {
        return (Attribute<O, Object>) EntityModel.of(owner()).ids().get(0);
    }

    /**
     * Returns the target's primary key, which the association's target column references.
     *
     * @return the attribute
     */
    @SuppressWarnings("unchecked")
    public Attribute<T, Object> targetKey() {
        return (Attribute<T, Object>) EntityModel.of(target()).ids().get(0);
    }

    /**
     * Returns the association row that links an owner and a target, in the association table's column order.
     *
     * @param owner an object of the owning class, with a key
     * @param target an object of the related class, with a key
     * @return the two keys
     * @throws IllegalStateException if either has no key yet
     */
    public List<Object> link(Object owner, Object target) {
        Object ownerId = EntityModel.identityOf(owner(), owner);
        Object targetId = EntityModel.identityOf(target(), target);
        if (ownerId == null || targetId == null) {
            throw new IllegalStateException(this + " links objects without keys; add both to the session");
        }
        return isOwningSide() ? List.of(ownerId, targetId) : List.of(targetId, ownerId);
    }

    @Override
    Select joinChecked(Select select, ColumnSource ownerSource, ColumnSource targetSource, boolean outer) {
        Expression<Boolean> toAssociation = associationOwnerColumn().eq(ownerSource.column(ownerKey()));
        Expression<Boolean> toTarget = targetSource.column(targetKey()).eq(associationTargetColumn());
        return joinTo(joinTo(select, association(), toAssociation, outer), targetSource, toTarget, outer);
    }

    @Override
    public Expression<Boolean> withParent(Object parent) {
        requireOwner(parent);
        return targetKey()
                .in(SQL.select(associationTargetColumn())
                        .from(association())
                        .where(associationOwnerColumn().eq(ownerKey(parent))));
    }

    @Override
    Expression<Boolean> exists(@Nullable Expression<Boolean> condition) {
        Attribute<T, Object> targetKey = targetKey();
        Expression<Boolean> links =
                associationOwnerColumn().eq(ownerKey()).and(targetKey.eq(associationTargetColumn()));
        return SQL.select(targetKey)
                .from(association(), EntityModel.of(target()).table())
                .where(and(links, condition))
                .exists();
    }

    @Override
    public Expression<Boolean> contains(T object) {
        requireTarget(object);
        Object targetId = EntityModel.identityOf(target(), object);
        if (targetId == null) {
            throw new IllegalArgumentException(object + " has no key yet: flush it first");
        }
        Column<Object> mine = associationOwnerColumn();
        return SQL.select(mine)
                .from(association())
                .where(mine.eq(ownerKey()).and(associationTargetColumn().eq(targetId)))
                .exists();
    }
}
