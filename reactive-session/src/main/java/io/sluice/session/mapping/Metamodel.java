package io.sluice.session.mapping;

import io.sluice.core.internal.Assert;

/** What generated metamodel classes ({@code User_}) call to obtain their attributes. */
public final class Metamodel {

    private Metamodel() {}

    /**
     * Returns the attribute of a mapped field, typed.
     *
     * @param type the entity class
     * @param fieldName the field's name
     * @param <E> the entity class
     * @param <V> the field's Java type (boxed)
     * @return the attribute
     * @throws MappingException if the class cannot be mapped
     */
    @SuppressWarnings("unchecked")
    public static <E, V> Attribute<E, V> attribute(Class<E> type, String fieldName) {
        Assert.requireNonNull(type, "type must not be null");
        Assert.requireNonNull(fieldName, "fieldName must not be null");
        return (Attribute<E, V>) EntityModel.of(type).attribute(fieldName);
    }

    /**
     * Returns the relationship of a {@code ToOne} or {@code ToMany} field, typed.
     *
     * @param type the entity class
     * @param fieldName the field's name
     * @param <E> the entity class
     * @param <T> the related class
     * @return the relationship
     * @throws MappingException if the class cannot be mapped
     */
    @SuppressWarnings("unchecked")
    public static <E, T> Relationship<E, T> relationship(Class<E> type, String fieldName) {
        Assert.requireNonNull(type, "type must not be null");
        Assert.requireNonNull(fieldName, "fieldName must not be null");
        return (Relationship<E, T>) EntityModel.of(type).relationship(fieldName);
    }

    /**
     * Returns the many-to-one relationship of a {@code ToOne} field, typed.
     *
     * @param type the entity class
     * @param fieldName the field's name
     * @param <E> the entity class
     * @param <T> the referenced class
     * @return the relationship
     * @throws MappingException if the class cannot be mapped
     * @throws IllegalArgumentException if the field is not a many-to-one relationship
     */
    public static <E, T> ManyToOneRelationship<E, T> manyToOne(Class<E> type, String fieldName) {
        return kind(type, fieldName, ManyToOneRelationship.class);
    }

    /**
     * Returns the one-to-many relationship of a {@code ToMany} field, typed.
     *
     * @param type the entity class
     * @param fieldName the field's name
     * @param <E> the entity class
     * @param <T> the related class
     * @return the relationship
     * @throws MappingException if the class cannot be mapped
     * @throws IllegalArgumentException if the field is not a one-to-many relationship
     */
    public static <E, T> OneToManyRelationship<E, T> oneToMany(Class<E> type, String fieldName) {
        return kind(type, fieldName, OneToManyRelationship.class);
    }

    /**
     * Returns the many-to-many relationship of a {@code ToMany} field, typed.
     *
     * @param type the entity class
     * @param fieldName the field's name
     * @param <E> the entity class
     * @param <T> the related class
     * @return the relationship
     * @throws MappingException if the class cannot be mapped
     * @throws IllegalArgumentException if the field is not a many-to-many relationship
     */
    public static <E, T> ManyToManyRelationship<E, T> manyToMany(Class<E> type, String fieldName) {
        return kind(type, fieldName, ManyToManyRelationship.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> R kind(Class<?> type, String fieldName, Class<? extends Relationship> kind) {
        Relationship<?, ?> relationship = relationship(type, fieldName);
        if (!kind.isInstance(relationship)) {
            throw new IllegalArgumentException(
                    relationship + " is a " + relationship.getClass().getSimpleName() + ", not a "
                            + kind.getSimpleName() + ": generate the metamodel again");
        }
        return (R) relationship;
    }
}
