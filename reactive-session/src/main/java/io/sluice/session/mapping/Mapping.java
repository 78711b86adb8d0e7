package io.sluice.session.mapping;

import io.sluice.core.internal.Assert;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Sequence;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The set of entity classes a session works with, checked when it is built: every class must be mappable, and no two classes
 * may share a table. Classes reachable through relationships are included with the classes given. Gives the core {@link Metadata} of their tables, so {@code mapping.metadata().createAll(engine)} creates
 * the schema.
 */
public final class Mapping {

    private final Map<Class<?>, EntityModel<?>> models;
    private final Metadata metadata;

    private Mapping(Map<Class<?>, EntityModel<?>> models) {
        this.models = models;
        List<Table> tables = new ArrayList<>();
        for (EntityModel<?> model : models.values()) {
            // The classes of a hierarchy have their tables made by their root's model.
            tables.addAll(model.ownedTables());
        }
        for (EntityModel<?> model : models.values()) {
            for (ManyToManyRelationship<?, ?> relationship : model.manyToManys()) {
                if (relationship.isOwningSide()) {
                    tables.add(relationship.association());
                }
            }
        }
        checkEnumTypes(models.values(), tables);
        this.metadata = Metadata.of(tables, sequences(models.values(), tables));
    }

    /**
     * Checks that fields sharing a database enum type give it the same labels, and that no enum type is named like a table.
     *
     * @throws MappingException naming the fields if not
     */
    private static void checkEnumTypes(Iterable<EntityModel<?>> models, List<Table> tables) {
        Map<String, Attribute<?, ?>> declared = new LinkedHashMap<>();
        for (EntityModel<?> model : models) {
            for (Attribute<?, ?> attribute : model.attributes()) {
                SqlType.NamedEnum type = attribute.type().namedEnum();
                if (type == null) {
                    continue;
                }
                Attribute<?, ?> other = declared.putIfAbsent(type.name(), attribute);
                SqlType.NamedEnum otherType =
                        other == null ? null : other.type().namedEnum();
                if (other != null && otherType != null && !otherType.equals(type)) {
                    throw new MappingException(where(other) + " and " + where(attribute) + " share database enum type "
                            + type.name() + " with different constants (" + otherType.labels() + " and "
                            + type.labels() + "): give one of them another @Enumerated(typeName = ...)");
                }
                for (Table table : tables) {
                    if (table.name().equalsIgnoreCase(type.name())) {
                        throw new MappingException(where(attribute) + " is stored in database enum type " + type.name()
                                + ", which is also the name of a table: give it another @Enumerated(typeName = ...)");
                    }
                }
            }
        }
    }

    /**
     * Returns the sequences of the classes' sequence keys, each once.
     *
     * @throws MappingException if two keys give one sequence different allocation sizes, or a sequence is named like a table
     */
    private static List<Sequence> sequences(Iterable<EntityModel<?>> models, List<Table> tables) {
        Map<String, Attribute<?, ?>> declared = new LinkedHashMap<>();
        List<Sequence> sequences = new ArrayList<>();
        for (EntityModel<?> model : models) {
            for (Attribute<?, ?> id : model.ids()) {
                Sequence sequence = id.sequence();
                if (sequence == null) {
                    continue;
                }
                Attribute<?, ?> other = declared.putIfAbsent(sequence.name(), id);
                if (other == null) {
                    sequences.add(sequence);
                    for (Table table : tables) {
                        if (table.name().equalsIgnoreCase(sequence.name())) {
                            throw new MappingException(where(id) + " takes its keys from sequence " + sequence.name()
                                    + ", which is also the name of a table: give the sequence another name");
                        }
                    }
                } else if (java.util.Objects.requireNonNull(other.sequence()).increment() != sequence.increment()) {
                    throw new MappingException(where(other) + " and " + where(id) + " share sequence " + sequence.name()
                            + " with different allocation sizes ("
                            + java.util.Objects.requireNonNull(other.sequence()).increment() + " and "
                            + sequence.increment() + "): give both the same allocationSize, or use two sequences");
                }
            }
        }
        return sequences;
    }

    private static String where(Attribute<?, ?> attribute) {
        return attribute.entityType().getSimpleName() + "." + attribute.fieldName();
    }

    /**
     * Returns the mapping of the given classes.
     *
     * @param types classes annotated with {@link Entity}
     * @return the mapping
     * @throws MappingException if a class cannot be mapped or two classes share a table; the message names the class, the
     *     field and the fix
     * @throws IllegalArgumentException if {@code types} is empty or holds {@code null}
     */
    public static Mapping of(Class<?>... types) {
        Assert.requireNonNull(types, "types must not be null");
        Assert.isTrue(types.length > 0, "give at least one entity class");
        Map<Class<?>, EntityModel<?>> models = new LinkedHashMap<>();
        Map<String, Class<?>> tables = new LinkedHashMap<>();
        List<Class<?>> work = new ArrayList<>(Arrays.asList(types));
        for (int i = 0; i < work.size(); i++) {
            Class<?> type = work.get(i);
            Assert.requireNonNull(type, "types must not contain null");
            if (models.containsKey(type)) {
                continue;
            }
            EntityModel<?> model = EntityModel.of(type);
            Class<?> other = tables.putIfAbsent(model.table().name(), type);
            if (other != null && other != type && EntityModel.of(other).identityType() != model.identityType()) {
                throw new MappingException(other.getName() + " and " + type.getName() + " are both mapped to table "
                        + model.table().name() + ": give one of them another @Entity table");
            }
            models.put(type, model);
            Hierarchy hierarchy = Hierarchy.of(type);
            if (hierarchy != null) {
                for (Class<?> member : hierarchy.classes()) {
                    if (!work.contains(member)) {
                        work.add(member);
                    }
                }
            }
            for (Relationship<?, ?> relationship : model.relationships()) {
                if (!work.contains(relationship.target())) {
                    work.add(relationship.target());
                }
            }
        }
        return new Mapping(models);
    }

    /**
     * Returns the model of a mapped class.
     *
     * @param type the class
     * @param <E> the class
     * @return the model
     * @throws IllegalArgumentException if the class is not part of this mapping
     */
    @SuppressWarnings("unchecked")
    public <E> EntityModel<E> entity(Class<E> type) {
        EntityModel<?> model = models.get(type);
        if (model == null) {
            throw new IllegalArgumentException(
                    type.getName() + " is not part of this mapping; add it to Mapping.of(...)");
        }
        return (EntityModel<E>) model;
    }

    /**
     * Returns whether a class is part of this mapping.
     *
     * @param type the class
     * @return {@code true} if it is
     */
    public boolean contains(Class<?> type) {
        return models.containsKey(type);
    }

    /**
     * Returns the mapped classes' models, in the order given.
     *
     * @return the models
     */
    public List<EntityModel<?>> entities() {
        return List.copyOf(models.values());
    }

    /**
     * Returns the tables of the mapped classes, for creating and dropping the schema.
     *
     * @return the metadata
     */
    public Metadata metadata() {
        return metadata;
    }
}
