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
}
