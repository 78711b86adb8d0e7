package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Whether an array holds all of some values ({@link SQL#arrayContains}) or any of them ({@link SQL#arrayOverlaps}), written by
 * the dialect with the values sent as bind parameters.
 *
 * @param array the array
 * @param values the values, of the array's element type
 * @param arrayType the array's stored type (of kind {@link SqlType.Kind#ARRAY}, not converted)
 * @param all {@code true} for all of the values, {@code false} for any of them
 */
public record ArrayIncludes(Expression<?> array, List<Object> values, SqlType<?> arrayType, boolean all)
        implements Expression<Boolean> {

    /**
     * Checks the parts and copies the values.
     *
     * @throws IllegalArgumentException if a part or a value is {@code null}, {@code arrayType} is not an unconverted array type, or
     *     a value is not of its element's Java type
     */
    public ArrayIncludes {
        Assert.requireNonNull(array, "array must not be null");
        Assert.requireNonNull(values, "values must not be null");
        Assert.requireNonNull(arrayType, "arrayType must not be null");
        SqlType<?> element = arrayType.element();
        if (arrayType.kind() != SqlType.Kind.ARRAY || arrayType.conversion() != null || element == null) {
            throw new IllegalArgumentException("an array condition needs an array type, not " + arrayType);
        }
        List<Object> copy = new ArrayList<>(values.size());
        for (Object value : values) {
            Assert.requireNonNull(value, "array condition values must not be null");
            Assert.isTrue(
                    element.javaType().isInstance(value),
                    "the array holds " + element.javaType().getSimpleName() + " values, not "
                            + value.getClass().getSimpleName() + " " + value);
            copy.add(value);
        }
        values = Collections.unmodifiableList(copy);
    }

    /**
     * Returns the condition on an array expression of a known array type (converted or not).
     *
     * @param array the array
     * @param values the values
     * @param all {@code true} for all of the values, {@code false} for any of them
     * @return the condition
     * @throws IllegalArgumentException if the array's type is not known to be an array type, or a value does not fit it
     */
    static ArrayIncludes of(Expression<?> array, Collection<?> values, boolean all) {
        Assert.requireNonNull(array, "array must not be null");
        Assert.requireNonNull(values, "values must not be null");
        SqlType<?> type = array.type();
        if (type == null || type.kind() != SqlType.Kind.ARRAY) {
            throw new IllegalArgumentException(
                    "an array condition needs an expression of an array type (such as a column of SqlType.array(...)),"
                            + " not " + (type == null ? "one of unknown type" : type.toString()));
        }
        return new ArrayIncludes(array, new ArrayList<>(values), type.storage(), all);
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitArrayIncludes(this);
    }
}
