package io.sluice.session.mapping;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Conjunction;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.FromItem;
import io.sluice.core.sql.Join;
import io.sluice.core.sql.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mapping of one entity class: its table, its attributes in column order, its key and version. Built once per class from
 * its annotations (and cached), so every {@link Mapping} and the generated metamodel share the same table and attributes.
 *
 * @param <E> the entity class
 */
public final class EntityModel<E> {

    private static final ClassValue<Object> MODELS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            try {
                return EntityModelBuilder.build(type);
            } catch (MappingException e) {
                return e;
            }
        }
    };

    private final Class<E> type;
    private final Table table;
    private final List<Attribute<E, ?>> attributes;
    private final List<Attribute<E, ?>> ids;
    private final @Nullable Attribute<E, ?> version;

    private final List<Relationship<E, ?>> relationships;
    private final int[] idPositions;
    private final List<ManyToOneRelationship<E, ?>> manyToOnes;
    private final List<OneToManyRelationship<E, ?>> oneToManys;
    private final List<ManyToManyRelationship<E, ?>> manyToManys;
    /** The entity's fields holding embedded values, whose columns are set together. */
    private final List<EmbeddedValue> embedded;
    /** The single-table hierarchy of the class, or {@code null}. */
    private final @Nullable Hierarchy hierarchy;

    /** In a joined hierarchy: the tables of the class and its superclasses (all the hierarchy's for the root), root first. */
    private final Map<Class<?>, Table> joinedTables;
    /** In a joined hierarchy: the same tables with their keys and attributes. */
    private final List<TablePart> parts;
    /** The FROM of a query of this class: its table, or its joined tables. */
    private final FromItem from;
    /** The columns the database sets on insert, and those it sets on update too; read back by the flush. */
    private final List<Attribute<E, ?>> generatedOnInsert;

    private final List<Attribute<E, ?>> generatedOnUpdate;
    /** The positions of {@link Formula} attributes. */
    private final int[] formulaPositions;
    /** Whether INSERTs and UPDATEs write every attribute: decided once, so other classes pay nothing per row. */
    private final boolean writesEveryColumn;

    private final Class<?> identityType;
    private final boolean polymorphic;
    private final @Nullable Attribute<E, ?> discriminator;
    private final int discriminatorIndex;

    EntityModel(
            Class<E> type,
            Table table,
            List<Attribute<E, ?>> attributes,
            @Nullable Attribute<E, ?> version,
            List<Relationship<E, ?>> relationships,
            List<EmbeddedValue> embedded,
            @Nullable Hierarchy hierarchy,
            Map<Class<?>, Table> joinedTables) {
        this.hierarchy = hierarchy;
        this.joinedTables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(joinedTables));
        this.identityType = hierarchy == null ? type : hierarchy.root();
        this.polymorphic = hierarchy != null
                && hierarchy.classes().stream().anyMatch(other -> other != type && type.isAssignableFrom(other));
        Attribute<E, ?> found = null;
        for (Attribute<E, ?> attribute : attributes) {
            if (attribute.isDiscriminator()) {
                found = attribute;
            }
        }
        this.discriminator = found;
        this.discriminatorIndex = found == null ? -1 : attributes.indexOf(found);
        this.relationships = List.copyOf(relationships);
        this.embedded = List.copyOf(embedded);
        this.type = type;
        this.table = table;
        this.attributes = List.copyOf(attributes);
        List<Attribute<E, ?>> keys = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).isId()) {
                keys.add(attributes.get(i));
                positions.add(i);
            }
        }
        this.ids = List.copyOf(keys);
        this.idPositions = positions.stream().mapToInt(Integer::intValue).toArray();
        List<ManyToOneRelationship<E, ?>> references = new ArrayList<>();
        List<OneToManyRelationship<E, ?>> collections = new ArrayList<>();
        List<ManyToManyRelationship<E, ?>> links = new ArrayList<>();
        for (Relationship<E, ?> relationship : this.relationships) {
            if (relationship instanceof ManyToOneRelationship<E, ?> reference) {
                references.add(reference);
            } else if (relationship instanceof OneToManyRelationship<E, ?> collection) {
                collections.add(collection);
            } else if (relationship instanceof ManyToManyRelationship<E, ?> link) {
                links.add(link);
            }
        }
        this.manyToOnes = List.copyOf(references);
        this.oneToManys = List.copyOf(collections);
        this.manyToManys = List.copyOf(links);
        this.version = version;
        List<Attribute<E, ?>> onInsert = new ArrayList<>();
        List<Attribute<E, ?>> onUpdate = new ArrayList<>();
        List<Integer> formulas = new ArrayList<>();
        boolean everyColumn = true;
        for (int i = 0; i < this.attributes.size(); i++) {
            Attribute<E, ?> attribute = this.attributes.get(i);
            everyColumn &= attribute.isInsertable() && attribute.isUpdatable();
            if (attribute.databaseGenerated() != null) {
                onInsert.add(attribute);
                if (attribute.databaseGenerated() == DatabaseGenerated.Event.INSERT_AND_UPDATE) {
                    onUpdate.add(attribute);
                }
            }
            if (attribute.isFormula()) {
                formulas.add(i);
            }
        }
        this.generatedOnInsert = List.copyOf(onInsert);
        this.generatedOnUpdate = List.copyOf(onUpdate);
        this.formulaPositions = formulas.stream().mapToInt(Integer::intValue).toArray();
        this.writesEveryColumn = everyColumn;
        this.parts = parts(this.joinedTables, this.attributes, ids);
        this.from = from(type, table, parts);
    }

    private static <E> List<TablePart> parts(
            Map<Class<?>, Table> tables, List<Attribute<E, ?>> attributes, List<Attribute<E, ?>> ids) {
        List<TablePart> parts = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<Class<?>, Table> entry : tables.entrySet()) {
            Table table = entry.getValue();
            List<Attribute<?, ?>> stored = new ArrayList<>();
            for (Attribute<E, ?> attribute : attributes) {
                if (attribute.source() == table && (first || !attribute.isId())) {
                    stored.add(attribute);
                }
            }
            List<Column<?>> keys = new ArrayList<>();
            for (Attribute<E, ?> id : ids) {
                keys.add(first ? id : table.column(id.name()));
            }
            parts.add(new TablePart(table, entry.getKey(), keys, stored, first));
            first = false;
        }
        return List.copyOf(parts);
    }

    /**
     * The FROM of a query of a class in a joined hierarchy: the root's table joined to the tables of the class and its
     * superclasses (each row has one in each), then outer-joined to its subclasses' (a row has one in some).
     */
    @SuppressWarnings("unchecked")
    private static FromItem from(Class<?> type, Table table, List<TablePart> parts) {
        if (parts.isEmpty()) {
            return table;
        }
        TablePart root = parts.get(0);
        FromItem from = root.table();
        for (int i = 1; i < parts.size(); i++) {
            TablePart part = parts.get(i);
            List<Expression<Boolean>> on = new ArrayList<>();
            for (int k = 0; k < part.keys().size(); k++) {
                on.add(((Column<Object>) part.keys().get(k))
                        .eq((Column<Object>) root.keys().get(k)));
            }
            Expression<Boolean> condition = Conjunction.of(Conjunction.Kind.AND, on);
            Join.Type kind = part.owner().isAssignableFrom(type) ? Join.Type.INNER : Join.Type.LEFT_OUTER;
            from = new Join(from, part.table(), kind, condition);
        }
        return from;
    }

    /**
     * Returns whether the class is in a joined-table hierarchy: its columns are in several tables.
     *
     * @return {@code true} in a joined hierarchy
     */
    public boolean isJoined() {
        return !parts.isEmpty();
    }

    /**
     * Returns the tables of a class in a joined-table hierarchy, the root's first, each with its keys and attributes: those
     * of the class and its superclasses, and for the root, those of every class of the hierarchy.
     *
     * @return the tables; empty outside a joined hierarchy
     */
    public List<TablePart> tableParts() {
        return parts;
    }

    /**
     * Returns the part of a joined-table hierarchy's table.
     *
     * @param table one of {@link #tableParts()}'s tables
     * @return its part
     * @throws IllegalArgumentException if the table is not one of this class's
     */
    public TablePart tablePart(Table table) {
        for (TablePart part : parts) {
            if (part.table() == table) {
                return part;
            }
        }
        throw new IllegalArgumentException(table.name() + " is not a table of " + type.getSimpleName());
    }

    /** The tables of a joined hierarchy by class, root first (for the builder of the subclasses' models). */
    Map<Class<?>, Table> joinedTables() {
        return joinedTables;
    }

    /**
     * Returns what a query of the class reads from: its table, or in a joined-table hierarchy, its tables joined by key.
     *
     * @return the FROM item
     */
    public FromItem from() {
        return from;
    }

    /**
     * Returns the tables to create for this class: its table; every table of the hierarchy for the root of a joined one;
     * none for a subclass (its root's model has them).
     *
     * @return the tables
     */
    public List<Table> ownedTables() {
        if (identityType != type) {
            return List.of();
        }
        if (parts.isEmpty()) {
            return List.of(table);
        }
        List<Table> tables = new ArrayList<>();
        for (TablePart part : parts) {
            tables.add(part.table());
        }
        return tables;
    }

    /**
     * Returns the {@link DatabaseGenerated} attributes: left out of INSERTs, their values read back after them.
     *
     * @return the attributes, in column order; empty for most classes
     */
    public List<Attribute<E, ?>> generatedOnInsert() {
        return generatedOnInsert;
    }

    /**
     * Returns the attributes the database sets on UPDATE ({@link DatabaseGenerated.Event#INSERT_AND_UPDATE}): left out of
     * UPDATEs, their values read back after each.
     *
     * @return the attributes, in column order; empty for most classes
     */
    public List<Attribute<E, ?>> generatedOnUpdate() {
        return generatedOnUpdate;
    }

    /**
     * Returns whether INSERTs and UPDATEs write every attribute: no {@link Formula}, {@link DatabaseGenerated}, insert-only or
     * read-only column.
     *
     * @return {@code true} for a class whose every attribute is an ordinary column
     */
    public boolean writesEveryColumn() {
        return writesEveryColumn;
    }

    /**
     * Sets an object's {@link Formula} fields from a row read for it, in attribute order: a formula is never changed by the
     * application, so the database's latest value is always right, also for an object the session already holds.
     *
     * @param entity an object of this class
     * @param states the row's values, in attribute order
     */
    public void setFormulas(Object entity, @Nullable Object[] states) {
        for (int position : formulaPositions) {
            attributes.get(position).setState(entity, states[position]);
        }
    }

    /**
     * Returns whether the class has {@link Formula} fields.
     *
     * @return {@code true} if it has
     */
    public boolean hasFormulas() {
        return formulaPositions.length > 0;
    }

    /**
     * Returns the model of an entity class, building it from the annotations on first use.
     *
     * @param type a class annotated with {@link Entity}
     * @param <E> the class
     * @return the model
     * @throws MappingException if the class cannot be mapped; the message names the field and the fix
     */
    @SuppressWarnings("unchecked")
    public static <E> EntityModel<E> of(Class<E> type) {
        Assert.requireNonNull(type, "type must not be null");
        Object model = MODELS.get(type);
        if (model instanceof MappingException e) {
            throw new MappingException(String.valueOf(e.getMessage()));
        }
        return (EntityModel<E>) model;
    }

    /**
     * Returns the entity class.
     *
     * @return the class
     */
    public Class<E> type() {
        return type;
    }

    /**
     * Returns the table the class is mapped to.
     *
     * @return the table
     */
    public Table table() {
        return table;
    }

    /**
     * Returns the attributes, in the order of the table's columns.
     *
     * @return the attributes
     */
    public List<Attribute<E, ?>> attributes() {
        return attributes;
    }

    /**
     * Returns the primary-key attributes, in key order.
     *
     * @return the key attributes; never empty
     */
    public List<Attribute<E, ?>> ids() {
        return ids;
    }

    /**
     * Returns the version attribute.
     *
     * @return the attribute, or {@code null} if the class has none
     */
    public @Nullable Attribute<E, ?> version() {
        return version;
    }

    /**
     * Returns the relationships, in field order.
     *
     * @return the relationships
     */
    public List<Relationship<E, ?>> relationships() {
        return relationships;
    }

    /**
     * Returns the many-to-one relationships (references), in field order.
     *
     * @return the relationships
     */
    public List<ManyToOneRelationship<E, ?>> manyToOnes() {
        return manyToOnes;
    }

    /**
     * Returns the one-to-many relationships, in field order.
     *
     * @return the relationships
     */
    public List<OneToManyRelationship<E, ?>> oneToManys() {
        return oneToManys;
    }

    /**
     * Returns the many-to-many relationships, in field order.
     *
     * @return the relationships
     */
    public List<ManyToManyRelationship<E, ?>> manyToManys() {
        return manyToManys;
    }

    /**
     * Returns the relationship of a field.
     *
     * @param fieldName the {@code ToOne} or {@code ToMany} field's name
     * @return the relationship
     * @throws IllegalArgumentException if there is no such relationship
     */
    public Relationship<E, ?> relationship(String fieldName) {
        for (Relationship<E, ?> relationship : relationships) {
            if (relationship.fieldName().equals(fieldName)) {
                return relationship;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no relationship '" + fieldName + "'");
    }

    private static final ClassValue<Class<?>> IDENTITY_TYPES = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
            Hierarchy hierarchy = type.isAnnotationPresent(Entity.class) ? Hierarchy.of(type) : null;
            return hierarchy == null ? type : hierarchy.root();
        }
    };

    /**
     * Returns the class the identity map keys objects of a class by: the root of its hierarchy, or the class itself.
     *
     * @param type an entity class
     * @return the class
     * @throws MappingException if the class's hierarchy is wrong
     */
    public static Class<?> identityTypeOf(Class<?> type) {
        return IDENTITY_TYPES.get(type);
    }

    /**
     * Returns the class the identity map keys this class's objects by: the root of its hierarchy, or the class itself.
     *
     * @return the class
     */
    public Class<?> identityType() {
        return identityType;
    }

    /**
     * Returns the table that holds this class's rows with every column of its hierarchy: the root's table in a single-table
     * hierarchy (the flush orders and groups saves by it), else {@link #table()}.
     *
     * @return the table
     */
    public Table storageTable() {
        return identityType == type ? table : EntityModel.of(identityType).table();
    }

    /**
     * Returns the discriminator column of the class's single-table hierarchy.
     *
     * @return the discriminator's attribute, or {@code null} if the class is not in a hierarchy
     */
    public @Nullable Attribute<E, ?> discriminator() {
        return discriminator;
    }

    /**
     * Returns whether a query of this class reads rows of other classes: the class has subclasses in its hierarchy, and its
     * rows become objects of the class their discriminator names.
     *
     * @return {@code true} for a class with subclasses in a hierarchy
     */
    public boolean isPolymorphic() {
        return polymorphic;
    }

    /**
     * Returns whether a query of this class reads only some rows of its table: it is a subclass in a hierarchy, whose rows
     * are those with its discriminator values.
     *
     * @return {@code true} for a subclass in a hierarchy
     */
    public boolean isSubclass() {
        return hierarchy != null && hierarchy.root() != type;
    }

    /**
     * Returns the discriminator values of the rows a query of this class reads: its own and its subclasses'.
     *
     * @return the values; empty if the class is not in a hierarchy
     */
    public List<String> discriminatorValues() {
        return hierarchy == null ? List.of() : hierarchy.valuesUnder(type);
    }

    /**
     * Returns the class of the object for a row's values: the class the discriminator names in a hierarchy, else this class.
     *
     * @param states the row's values, in attribute order
     * @return the class
     * @throws IllegalStateException if no class of the hierarchy has the row's discriminator value
     */
    public Class<?> typeFor(@Nullable Object[] states) {
        Hierarchy classes = hierarchy;
        if (classes == null || discriminatorIndex < 0) {
            return type;
        }
        return classes.classOf(states[discriminatorIndex], table.name());
    }

    /**
     * Returns every mapped field's value of an object in the form {@link Attribute#state} returns, in attribute order: what
     * {@link #setStates} takes.
     *
     * @param entity an object of this class
     * @return a new array of the values
     */
    public @Nullable Object[] states(Object entity) {
        List<Attribute<E, ?>> all = attributes;
        @Nullable Object[] states = new Object[all.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = all.get(i).state(entity);
        }
        return states;
    }

    /**
     * Sets every mapped field of an object from values in the form {@link Attribute#state} returns, in attribute order:
     * embedded values are made from their columns' values (or {@code null} where all are {@code NULL}).
     *
     * @param entity an object of this class
     * @param states the values, in attribute order
     * @throws IllegalArgumentException if a primitive field would get {@code null} or an embedded value cannot be made
     */
    public void setStates(Object entity, @Nullable Object[] states) {
        List<Attribute<E, ?>> all = attributes;
        if (embedded.isEmpty()) {
            for (int i = 0; i < states.length; i++) {
                all.get(i).setState(entity, states[i]);
            }
            return;
        }
        for (int i = 0; i < states.length; i++) {
            Attribute<E, ?> attribute = all.get(i);
            if (!attribute.isEmbedded()) {
                attribute.setState(entity, states[i]);
            }
        }
        for (EmbeddedValue value : embedded) {
            value.write(entity, all, states);
        }
    }

    /**
     * Returns the attribute of a field.
     *
     * @param fieldName the Java field's name; for a field of an embedded value, its path ({@code "home.city"})
     * @return the attribute
     * @throws IllegalArgumentException if the field is not mapped
     */
    public Attribute<E, ?> attribute(String fieldName) {
        for (Attribute<E, ?> attribute : attributes) {
            if (attribute.fieldName().equals(fieldName)) {
                return attribute;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no mapped field '" + fieldName + "'");
    }

    /**
     * Returns the identity of an object held without its static type.
     *
     * @param entity an object of this class
     * @return the identity, or {@code null} if a key value is {@code null} (not yet generated)
     * @throws IllegalArgumentException if the object is not of this class
     */
    public @Nullable Object keyOf(Object entity) {
        if (!type.isInstance(entity)) {
            throw new IllegalArgumentException(entity + " is not a " + type.getSimpleName());
        }
        return identity(type.cast(entity));
    }

    /** The identity of an object of a mapped class, or {@code null} while its key is not generated. */
    static @Nullable Object identityOf(Class<?> type, Object entity) {
        return of(type).keyOf(entity);
    }

    /**
     * Returns an object's identity: the value of its single key field, or the list of its key values.
     *
     * @param entity the object
     * @return the identity, or {@code null} if a key value is {@code null} (not yet generated)
     */
    public @Nullable Object identity(E entity) {
        if (ids.size() == 1) {
            return ids.get(0).get(entity);
        }
        Object[] values = new Object[ids.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = ids.get(i).get(entity);
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return Arrays.asList(values);
    }

    /**
     * Returns the identity of a row's values, given in attribute order: the value of the single key column, or the list of the
     * key values.
     *
     * @param values the values, in attribute order
     * @return the identity, or {@code null} if a key value is {@code null}
     */
    public @Nullable Object identityOf(@Nullable Object[] values) {
        if (idPositions.length == 1) {
            return values[idPositions[0]];
        }
        Object[] key = new Object[idPositions.length];
        for (int i = 0; i < key.length; i++) {
            Object value = values[idPositions[i]];
            if (value == null) {
                return null;
            }
            key[i] = value;
        }
        return Arrays.asList(key);
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getSimpleName() + " -> " + table.name() + "]";
    }
}
