package io.sluice.session.internal;

import io.sluice.core.RowReader;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Makes objects of a mapped class from rows: a new object through the class's no-argument constructor, a row's values read
 * in attribute order, an object's mapped fields set from such values. One per class, made on first use.
 *
 * @param <E> the mapped class
 */
public final class EntityRows<E> {

    private static final ClassValue<EntityRows<?>> ROWS = new ClassValue<>() {
        @Override
        protected EntityRows<?> computeValue(Class<?> type) {
            return new EntityRows<>(EntityModel.of(type));
        }
    };

    private final EntityModel<E> model;
    private final Constructor<E> constructor;
    /** Calls the no-argument constructor as fast as {@code new}; {@code null} where it could not be made. */
    private final @Nullable Supplier<E> instantiator;
    /** The positions of the converted attributes, whose snapshot is the converter's form of the loaded value. */
    private final int[] converted;

    private EntityRows(EntityModel<E> model) {
        this.model = model;
        try {
            this.constructor = model.type().getDeclaredConstructor();
            this.constructor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The mapping checked the constructor when it built the model.
            throw new IllegalStateException("could not reach the no-argument constructor of " + model.type(), e);
        }
        this.instantiator = instantiator(constructor);
        List<Attribute<E, ?>> attributes = model.attributes();
        this.converted = java.util.stream.IntStream.range(0, attributes.size())
                .filter(i -> attributes.get(i).keepsStoredState())
                .toArray();
    }

    /**
     * Returns the rows of a mapped class.
     *
     * @param model the class's mapping
     * @param <E> the class
     * @return its rows, made once per class
     */
    @SuppressWarnings("unchecked")
    public static <E> EntityRows<E> of(EntityModel<E> model) {
        return (EntityRows<E>) ROWS.get(model.type());
    }

    /**
     * Makes a {@link Supplier} that calls a constructor directly (a lambda made by {@link LambdaMetafactory}, which the JIT
     * inlines like {@code new}), instead of reflection's call per object. Returns {@code null} where the class's module or
     * class loader does not allow it; {@link Constructor#newInstance} is used then.
     */
    @SuppressWarnings("unchecked")
    private static <E> @Nullable Supplier<E> instantiator(Constructor<E> constructor) {
        Class<E> type = constructor.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle handle = lookup.unreflectConstructor(constructor);
            CallSite site = LambdaMetafactory.metafactory(
                    lookup,
                    "get",
                    MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class),
                    handle,
                    MethodType.methodType(type));
            return (Supplier<E>) site.getTarget().invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * Returns the class's mapping.
     *
     * @return the model
     */
    public EntityModel<E> model() {
        return model;
    }

    /**
     * Returns a new, empty object of the class, made with its no-argument constructor.
     *
     * @return the object
     */
    public E newInstance() {
        Supplier<E> direct = instantiator;
        if (direct != null) {
            try {
                return direct.get();
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "could not create a " + model.type().getName() + " with its no-argument constructor", e);
            }
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "could not create a " + model.type().getName() + " with its no-argument constructor", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "could not create a " + model.type().getName() + " with its no-argument constructor", e);
        }
    }

    /**
     * Makes an object of the class from a row's values, given in attribute order.
     *
     * @param values the values, in attribute order
     * @return the new object
     * @throws IllegalArgumentException if a primitive field would get {@code null}
     */
    public E newInstance(@Nullable Object[] values) {
        return newInstance(values, false);
    }

    /**
     * Makes an object of the class from a row's values, given in attribute order, for a tracked or a read-only load.
     *
     * @param values the values, in attribute order
     * @param readOnly whether the object is loaded read-only: its converted values then stay in the row's form (see {@link
     *     #fill(Object, Object[], boolean)})
     * @return the new object
     * @throws IllegalArgumentException if a primitive field would get {@code null}
     */
    @SuppressWarnings("unchecked")
    public E newInstance(@Nullable Object[] values, boolean readOnly) {
        E entity;
        if (model.isPolymorphic()) {
            Class<?> type = model.typeFor(values);
            entity = type == model.type()
                    ? newInstance()
                    : (E) EntityRows.of(EntityModel.of(type)).newInstance();
        } else {
            entity = newInstance();
        }
        fill(entity, values, readOnly);
        return entity;
    }

    /**
     * Reads a row's values in attribute order, from consecutive columns (as a query of the class selects them).
     *
     * @param row the row
     * @param start the 0-based index of the first attribute's column
     * @return a new array of the values
     */
    public @Nullable Object[] read(RowReader row, int start) {
        List<Attribute<E, ?>> attributes = model.attributes();
        @Nullable Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(start + i, attributes.get(i).stateType());
        }
        return values;
    }

    /**
     * Sets every mapped field of an object from a row's values, given in attribute order; a converted field's value in the
     * array is replaced by the stored form of the value the field now holds, so that the array serves as the object's snapshot.
     *
     * @param entity the object
     * @param values the values, in attribute order
     * @throws IllegalArgumentException if a primitive field would get {@code null}
     */
    public void fill(E entity, @Nullable Object[] values) {
        fill(entity, values, false);
    }

    /**
     * Sets every mapped field of an object from a row's values, given in attribute order. For a tracked object, a converted
     * field's value in the array is replaced by the stored form of the value the field now holds, as {@link #fill(Object,
     * Object[])} does. A read-only object is never compared with its snapshot, so its converted values stay in the row's form:
     * that saves a conversion per converted field and row (for a {@code @Json} field, Jackson writing the document again).
     * Should the object become modifiable, {@code EntityState.snapshot()} takes its values then, and a rollback puts back the
     * values in the stored form ({@code EntityState.restoreCommitted()}).
     *
     * @param entity the object
     * @param values the values, in attribute order
     * @param readOnly whether the object is loaded read-only
     * @throws IllegalArgumentException if a primitive field would get {@code null}
     */
    public void fill(E entity, @Nullable Object[] values, boolean readOnly) {
        model.setStates(entity, values);
        if (readOnly) {
            return;
        }
        for (int i : converted) {
            if (values[i] != null) {
                // The snapshot keeps what the converter makes of the field, not the row's form of it: JSON read back
                // from PostgreSQL or H2 is spaced and ordered its own way, and would otherwise look changed at every
                // flush.
                values[i] = model.attributes().get(i).state(entity);
            }
        }
    }
}
