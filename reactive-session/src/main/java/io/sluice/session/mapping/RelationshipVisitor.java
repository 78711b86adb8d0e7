package io.sluice.session.mapping;

/**
 * Does something per kind of relationship, without a switch: {@link Relationship#accept(RelationshipVisitor)} calls the method
 * of its kind.
 *
 * @param <R> what the visit returns
 */
public interface RelationshipVisitor<R> {

    /**
     * Visits a reference through the owner's foreign key.
     *
     * @param relationship the relationship
     * @param <O> the owning class
     * @param <T> the related class
     * @return the result
     */
    <O, T> R visitManyToOne(ManyToOneRelationship<O, T> relationship);

    /**
     * Visits a collection whose table has the foreign key.
     *
     * @param relationship the relationship
     * @param <O> the owning class
     * @param <T> the related class
     * @return the result
     */
    <O, T> R visitOneToMany(OneToManyRelationship<O, T> relationship);

    /**
     * Visits a collection linked through an association table.
     *
     * @param relationship the relationship
     * @param <O> the owning class
     * @param <T> the related class
     * @return the result
     */
    <O, T> R visitManyToMany(ManyToManyRelationship<O, T> relationship);
}
