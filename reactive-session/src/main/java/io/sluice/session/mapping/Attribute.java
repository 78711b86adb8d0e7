package io.sluice.session.mapping;

import io.sluice.core.sql.Sequence;
import io.sluice.core.sql.SqlType;
import java.lang.reflect.Field;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A mapped field of an entity class: a column of the entity's table (so {@code User_.name.eq("ed")} is a SQL condition) that
 * also reads and writes the field of objects, through method handles resolved once when the mapping is built.
 *
 * @param <E> the entity class
 * @param <V> the Java type of the field's values
 */
public final class Attribute<E, V> extends io.sluice.core.sql.Column<V> {

    private final Class<E> entityType;
    private final String fieldName;
    private final boolean id;
    private final boolean generated;
    private final boolean version;
    private final boolean primitive;
    /** The field, made accessible: on the per-row paths reflection reads and writes it faster than a method handle held in a field. */
    private final Field field;
    /** How the field's values are stored, for a converted field; {@code null} when they are stored as they are. */
    private final SqlType.@Nullable Conversion<V, ?> conversion;
    /** The type of the values the session keeps for this field: the stored type of a converted field. */
    private final SqlType<?> stateType;
    /**
     * Whether the session keeps this converted field's stored form as its state (its values may change in place); {@code
     * false} when its values are immutable, and the state is the value itself, compared with {@code equals}.
     */
    private final boolean storedState;
    /** For a column of an embedded value: the fields from the entity to the object holding {@link #field}; else empty. */
    private final Field[] path;
    /** For a column of an embedded value: the entity's embedded value it belongs to, set once when the model is built. */
    private @Nullable EmbeddedValue embedding;
    /** For a column of a subclass in the model of its hierarchy's root: the subclass; else {@code null}. */
    private final @Nullable Class<?> owner;
    /** For the discriminator column of a hierarchy: the hierarchy, whose value for an object's class is the value. */
    private final @Nullable Hierarchy discriminator;
    /** Whether the field is the entity's own: no embedded path, no subclass owner, not the discriminator. */
    private final boolean plain;
    /** For a column of an embedded value: the entity's attributes and this one's index, set with {@link #embedding}. */
    private List<? extends Attribute<?, ?>> siblings = List.of();

    private int index;
    /** How a generated key's values are made; {@code null} when the field is not generated. */
    private final Generated.@Nullable Strategy generation;
    /** The sequence of a {@link Generated.Strategy#SEQUENCE} key. */
    private final @Nullable Sequence sequence;
    /** Whether INSERTs and UPDATEs write the column; set once when the model is built. */
    private boolean insertable = true;

    private boolean updatable = true;
    /** After which statements the database has set the column, or {@code null}. */
    private DatabaseGenerated.@Nullable Event databaseGenerated;
    /** For a {@link Formula} field: its SQL, which this attribute renders as instead of a column. */
    private @Nullable FormulaText formula;

    Attribute(
            io.sluice.core.sql.Column<V> column,
            Class<E> entityType,
            String fieldName,
            boolean id,
            boolean generated,
            boolean version,
            boolean primitive,
            Field field,
            Field[] path,
            @Nullable Class<?> owner,
            @Nullable Hierarchy discriminator) {
        super(column);
        this.entityType = entityType;
        this.fieldName = fieldName;
        this.id = id;
        this.generated = generated;
        this.version = version;
        this.primitive = primitive;
        this.field = field;
        SqlType.Conversion<V, ?> converted = column.type().conversion();
        this.conversion = converted;
        this.storedState = converted != null && !ImmutableValues.holdsImmutable(field);
        this.stateType = converted != null && storedState ? converted.storage() : column.type();
        this.path = path;
        Generated annotation = generated ? field.getAnnotation(Generated.class) : null;
        this.generation = annotation == null ? null : annotation.strategy();
        this.sequence = annotation != null && annotation.strategy() == Generated.Strategy.SEQUENCE
                ? Sequence.of(annotation.sequence(), annotation.allocationSize())
                : null;
        this.owner = owner;
        this.discriminator = discriminator;
        this.plain = path.length == 0 && owner == null && discriminator == null;
    }

    /** Sets how the flush writes the column, once, when the model is built. */
    void writing(
            boolean insertable,
            boolean updatable,
            DatabaseGenerated.@Nullable Event databaseGenerated,
            @Nullable FormulaText formula) {
        this.insertable = insertable;
        this.updatable = updatable;
        this.databaseGenerated = databaseGenerated;
        this.formula = formula;
    }

    /** Records that this attribute is a column of an embedded value of the entity. */
    void embedIn(EmbeddedValue value, List<? extends Attribute<?, ?>> attributes, int position) {
        this.embedding = value;
        this.siblings = attributes;
        this.index = position;
    }

    /**
     * Returns the entity class.
     *
     * @return the class
     */
    public Class<E> entityType() {
        return entityType;
    }

    /**
     * Returns the Java field's name.
     *
     * @return the name
     */
    public String fieldName() {
        return fieldName;
    }

    /**
     * Returns whether the field is part of the primary key.
     *
     * @return {@code true} for an {@link Id} field
     */
    public boolean isId() {
        return id;
    }

    /**
     * Returns whether the database generates the field's values.
     *
     * @return {@code true} for a {@link Generated} field
     */
    public boolean isGenerated() {
        return generated;
    }

    /**
     * Returns how the field's values are generated.
     *
     * @return the strategy of a {@link Generated} field, or {@code null} if its values are assigned
     */
    public Generated.@Nullable Strategy generation() {
        return generation;
    }

    /**
     * Returns the sequence a {@link Generated.Strategy#SEQUENCE} key is taken from.
     *
     * @return the sequence, or {@code null} for other fields
     */
    public @Nullable Sequence sequence() {
        return sequence;
    }

    /**
     * Returns whether the field is the version for optimistic locking.
     *
     * @return {@code true} for a {@link Version} field
     */
    public boolean isVersion() {
        return version;
    }

    /**
     * Returns whether INSERTs write the column: not for a {@link DatabaseGenerated} or {@link Formula} field, nor one mapped
     * with {@code @MappedColumn(insertable = false)}.
     *
     * @return {@code true} if an INSERT gives the column the field's value
     */
    public boolean isInsertable() {
        return insertable;
    }

    /**
     * Returns whether UPDATEs write the column: not for a field set by the database on update, a {@link Formula}, nor one
     * mapped with {@code @MappedColumn(updatable = false)}; changes to such a field are never written.
     *
     * @return {@code true} if a change of the field is written
     */
    public boolean isUpdatable() {
        return updatable;
    }

    /**
     * Returns after which statements the database has set the column, whose value the flush then reads back.
     *
     * @return the event of a {@link DatabaseGenerated} field, or {@code null}
     */
    public DatabaseGenerated.@Nullable Event databaseGenerated() {
        return databaseGenerated;
    }

    /**
     * Returns whether the field is a {@link Formula}: an SQL expression read with the row, not a column.
     *
     * @return {@code true} for a formula
     */
    public boolean isFormula() {
        return formula != null;
    }

    /**
     * Returns this attribute as read from a table, an alias of the table or a subquery: that source's column of the
     * attribute's name, or, for a {@link Formula}, its expression over the source's columns.
     *
     * @param source the entity's table, an alias of it, or a subquery that selects the attribute under its name
     * @return the expression
     * @throws IllegalArgumentException if {@code source} is {@code null} or has no such column
     */
    @SuppressWarnings("unchecked")
    public io.sluice.core.sql.Expression<V> on(io.sluice.core.sql.ColumnSource source) {
        io.sluice.core.internal.Assert.requireNonNull(source, "source must not be null");
        FormulaText text = formula;
        if (text != null
                && !(source instanceof io.sluice.core.sql.DerivedTable)
                && !(source instanceof io.sluice.core.sql.CommonTableExpression)) {
            return (io.sluice.core.sql.Expression<V>) text.on(source, type());
        }
        if (source == source()) {
            return this;
        }
        return source instanceof io.sluice.core.sql.TableAlias alias
                ? alias.column(this)
                : (io.sluice.core.sql.Column<V>) source.column(name());
    }

    /** Renders a {@link Formula} as its expression over the entity's table; a column as a column. */
    @Override
    public <R> R accept(io.sluice.core.sql.ExpressionVisitor<R> visitor) {
        FormulaText text = formula;
        return text == null ? super.accept(visitor) : text.onTable().accept(visitor);
    }

    /**
     * Returns the field's value in an object.
     *
     * @param entity the object
     * @return the value, or {@code null}
     */
    @SuppressWarnings("unchecked")
    public @Nullable V get(E entity) {
        try {
            if (plain) {
                return (V) field.get(entity);
            }
            Hierarchy hierarchy = discriminator;
            if (hierarchy != null) {
                return (V) hierarchy.valueOf(entity.getClass());
            }
            Object holder = holder(entity);
            return holder == null ? null : (V) field.get(holder);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the embedded value holding this attribute's field, or {@code null} where one on the way is {@code null}. */
    private @Nullable Object holder(Object entity) throws IllegalAccessException {
        if (owner != null && !owner.isInstance(entity)) {
            return null;
        }
        Object holder = entity;
        for (Field step : path) {
            holder = step.get(holder);
            if (holder == null) {
                return null;
            }
        }
        return holder;
    }

    /**
     * Sets the field's value in an object.
     *
     * @param entity the object
     * @param newValue the value; {@code null} is refused for a primitive field
     * @throws IllegalArgumentException if {@code newValue} is {@code null} and the field is primitive
     */
    public void set(E entity, @Nullable V newValue) {
        if (discriminator != null) {
            return; // the class decides the value
        }
        if (owner != null && !owner.isInstance(entity)) {
            if (newValue == null) {
                return;
            }
            throw new IllegalArgumentException(this + " belongs to " + owner.getSimpleName() + ", not to "
                    + entity.getClass().getSimpleName() + ": it cannot hold " + newValue);
        }
        if (newValue == null && primitive) {
            throw new IllegalArgumentException(entityType.getSimpleName() + "." + fieldName
                    + " is a primitive field and cannot hold NULL from column " + name() + "; use its boxed type");
        }
        EmbeddedValue value = embedding;
        if (value != null) {
            SqlType.Conversion<V, ?> converted = conversion;
            value.set(
                    entity,
                    siblings,
                    index,
                    converted == null || newValue == null ? newValue : converted.toDatabase(newValue));
            return;
        }
        try {
            field.set(entity, newValue);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the field's value in an object held without its static type (as the session holds the objects it tracks).
     *
     * @param entity an object of the entity class
     * @return the value, or {@code null}
     * @throws IllegalArgumentException if the object is not of the entity class
     */
    public @Nullable Object read(Object entity) {
        return get(entityType.cast(requireEntity(entity)));
    }

    /**
     * Sets the field of an object held without its static type to a value checked against the field's type.
     *
     * @param entity an object of the entity class
     * @param value the value, or {@code null}
     * @throws IllegalArgumentException if the object is not of the entity class, the value is not of the field's type, or
     *     {@code null} is given to a primitive field
     */
    @SuppressWarnings("unchecked")
    public void write(Object entity, @Nullable Object value) {
        if (value != null
                && !type().javaType().isInstance(value)
                && !field.getType().isInstance(value)) {
            throw new IllegalArgumentException(
                    this + " holds " + type().javaType().getSimpleName() + ", not "
                            + value.getClass().getSimpleName() + " (" + value + ")");
        }
        set(entityType.cast(requireEntity(entity)), (V) value);
    }

    /**
     * Returns the field's value in the form the session keeps to detect changes: the stored value for a converted field whose
     * values may change in place (so such a change is seen, and values compare as the database would), the value itself
     * otherwise (immutable values compare with {@code equals}).
     *
     * @param entity an object of the entity class
     * @return the value, or {@code null}
     */
    public @Nullable Object state(Object entity) {
        Object value;
        try {
            if (plain) {
                value = field.get(entity);
            } else if (discriminator != null) {
                return discriminator.valueOf(entity.getClass());
            } else {
                Object holder = holder(entity);
                value = holder == null ? null : field.get(holder);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        SqlType.Conversion<V, ?> converted = conversion;
        return !storedState || value == null
                ? value
                : java.util.Objects.requireNonNull(converted).toDatabase(value);
    }

    /**
     * Returns the field's value for a value in the form {@link #state} returns.
     *
     * @param state the state, or {@code null}
     * @return the value, or {@code null}
     */
    @SuppressWarnings("unchecked")
    public @Nullable V valueOfState(@Nullable Object state) {
        SqlType.Conversion<V, ?> converted = conversion;
        return !storedState || state == null
                ? (V) state
                : java.util.Objects.requireNonNull(converted).fromDatabase(state);
    }

    /**
     * Returns whether the field belongs to an embedded value rather than to the entity itself.
     *
     * @return {@code true} for a column of an embedded value
     */
    public boolean isEmbedded() {
        return path.length > 0;
    }

    /**
     * Returns whether this is the discriminator column of a class hierarchy: its value is the object's class's
     * {@link DiscriminatorValue}, never set on the object.
     *
     * @return {@code true} for the discriminator
     */
    public boolean isDiscriminator() {
        return discriminator != null;
    }

    /**
     * Sets the field of an object from a value in the form {@link #state} returns (a stored value for a converted field).
     *
     * @param entity an object of the entity class
     * @param state the value, or {@code null}
     * @throws IllegalArgumentException if {@code null} is given to a primitive field
     */
    @SuppressWarnings("unchecked")
    public void setState(Object entity, @Nullable Object state) {
        set((E) entity, valueOfState(state));
    }

    /**
     * Returns the type of the values {@link #state} returns: the stored type of a converted field that {@link
     * #keepsStoredState() keeps its stored state}, else {@link #type()}.
     *
     * @return the type
     */
    public SqlType<?> stateType() {
        return stateType;
    }

    /**
     * Returns whether the session keeps the field's stored form as its state ({@link #state}): a converted field whose values
     * may change in place. A converted field of an immutable type ({@link ImmutableValues}) keeps its values themselves.
     *
     * @return {@code true} if the state is the converter's stored form
     */
    public boolean keepsStoredState() {
        return storedState;
    }

    /**
     * Returns whether the field's values go through a converter.
     *
     * @return {@code true} for a converted field
     */
    public boolean isConverted() {
        return conversion != null;
    }

    private Object requireEntity(Object entity) {
        if (!entityType.isInstance(entity)) {
            throw new IllegalArgumentException(
                    entity + " is not a " + entityType.getSimpleName() + ", which " + this + " belongs to");
        }
        return entity;
    }

    @Override
    public String toString() {
        return (owner != null ? owner : entityType).getSimpleName() + "." + fieldName;
    }
}
