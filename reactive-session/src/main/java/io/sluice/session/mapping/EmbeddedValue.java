package io.sluice.session.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A field holding an embedded value object, and how that object is made from the states of its columns: a record through its
 * canonical constructor, a class through its no-argument constructor and its fields. The columns of one embedded value are
 * consecutive attributes of the entity; nested values are parts of their owner's.
 */
final class EmbeddedValue {

    private final Field field;
    private final String where;
    private final @Nullable Constructor<?> canonical;
    private final @Nullable Constructor<?> noArgument;
    private final List<Object> parts = new ArrayList<>();
    private final List<Field> partFields = new ArrayList<>();
    private final int from;
    private int to;

    EmbeddedValue(
            Field field,
            String where,
            @Nullable Constructor<?> canonical,
            @Nullable Constructor<?> noArgument,
            int from) {
        this.field = field;
        this.where = where;
        this.canonical = canonical;
        this.noArgument = noArgument;
        this.from = from;
        this.to = from;
    }

    /** Adds a column part: the attribute at {@code index}, held in {@code partField}. */
    void addColumn(Field partField, int index) {
        parts.add(index);
        partFields.add(partField);
        to = Math.max(to, index + 1);
    }

    /** Adds a nested embedded value part. */
    void addNested(EmbeddedValue nested) {
        parts.add(nested);
        partFields.add(nested.field);
        to = Math.max(to, nested.to);
    }

    /** Returns the index after the last attribute of this value's columns. */
    int end() {
        return to;
    }

    /** Returns the index of the first attribute of this value's columns. */
    int start() {
        return from;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * Makes the value from column states, in the entity's attribute order.
     *
     * @return the value, or {@code null} if every column is {@code NULL}
     */
    @Nullable
    Object build(List<? extends Attribute<?, ?>> attributes, @Nullable Object[] states) {
        @Nullable Object[] values = new Object[parts.size()];
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            Object part = parts.get(i);
            Object value;
            if (part instanceof Integer index) {
                value = attributes.get(index).valueOfState(states[index]);
            } else {
                value = ((EmbeddedValue) part).build(attributes, states);
            }
            values[i] = value;
            any |= value != null;
        }
        if (!any) {
            return null;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && partFields.get(i).getType().isPrimitive()) {
                throw new IllegalArgumentException(
                        where + "." + partFields.get(i).getName()
                                + " is a primitive field and cannot hold NULL; use its boxed type");
            }
        }
        try {
            if (canonical != null) {
                return canonical.newInstance(values);
            }
            Object value = Objects.requireNonNull(noArgument).newInstance();
            for (int i = 0; i < values.length; i++) {
                partFields.get(i).set(value, values[i]);
            }
            return value;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "could not create the value of " + where + " from " + Arrays.toString(values) + ": " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "could not create the value of " + where + " from " + Arrays.toString(values) + ": " + e, e);
        }
    }

    /** Sets the field in its owner (the entity, or the outer value) to the value made from the column states. */
    void write(Object owner, List<? extends Attribute<?, ?>> attributes, @Nullable Object[] states) {
        try {
            field.set(owner, build(attributes, states));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets one column of an entity's embedded value: the value is made again from the current states of its columns, with
     * the one given.
     */
    void set(Object entity, List<? extends Attribute<?, ?>> attributes, int index, @Nullable Object state) {
        @Nullable Object[] states = new Object[to];
        for (int i = from; i < to; i++) {
            states[i] = i == index ? state : attributes.get(i).state(entity);
        }
        write(entity, attributes, states);
    }
}
