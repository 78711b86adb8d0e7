package io.sluice.session.mapping;

import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads an entity class's annotations into an {@link EntityModel}, checking everything up front. */
final class EntityModelBuilder {

    private EntityModelBuilder() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <E> EntityModel<E> build(Class<E> type) {
        Entity annotation = type.getAnnotation(Entity.class);
        String name = type.getName();
        if (annotation == null) {
            throw new MappingException(name + " is not mapped: annotate it with @Entity(table = \"table_name\")");
        }
        Hierarchy hierarchy = Hierarchy.of(type);
        boolean joined = hierarchy != null && hierarchy.joined();
        String tableName = annotation.table();
        if (hierarchy != null && hierarchy.root() != type && !joined) {
            String rootTable = hierarchy.root().getAnnotation(Entity.class).table();
            if (!tableName.isBlank() && !tableName.equals(rootTable)) {
                throw new MappingException(name + " is in " + hierarchy.root().getSimpleName() + "'s single-table"
                        + " hierarchy but names table " + tableName + ": remove the table from its @Entity (it shares "
                        + rootTable + ")");
            }
            tableName = rootTable;
        }
        if (tableName.isBlank()) {
            throw new MappingException(
                    name + " has a blank @Entity table: give the table's name, as in @Entity(table = \"users\")");
        }
        boolean abstractInHierarchy = hierarchy != null && Modifier.isAbstract(type.getModifiers());
        if (type.isInterface()
                || (Modifier.isAbstract(type.getModifiers()) && !abstractInHierarchy)
                || type.isEnum()
                || type.isRecord()) {
            throw new MappingException(
                    name + " must be a concrete, mutable class to be mapped (not an interface, abstract class,"
                            + " enum or record)");
        }
        if (!abstractInHierarchy) {
            Constructor<E> constructor;
            try {
                constructor = type.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw new MappingException(
                        name + " has no no-argument constructor: add one (it may be private) so Sluice can create"
                                + " objects for loaded rows");
            }
            try {
                constructor.setAccessible(true);
            } catch (RuntimeException e) {
                throw new MappingException(
                        name + " cannot be accessed by Sluice (" + e.getMessage() + "); open its package to io.sluice");
            }
        }

        Table.Builder table = Table.builder(tableName);
        List<FieldSpec> specs = new ArrayList<>();
        List<EmbeddedValue> embedded = new ArrayList<>();
        List<Field> relationFields = new ArrayList<>();
        for (Field field : fields(type)) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers)
                    || Modifier.isTransient(modifiers)
                    || field.isAnnotationPresent(Transient.class)) {
                continue;
            }
            String where = type.getSimpleName() + "." + field.getName();
            if (field.getType().isAnnotationPresent(RelationshipHolder.class)) {
                relationFields.add(field);
                continue;
            }
            if (field.isAnnotationPresent(ManyToOne.class)
                    || field.isAnnotationPresent(OneToMany.class)
                    || field.isAnnotationPresent(ManyToMany.class)) {
                throw new MappingException(where + " is a relationship but of type "
                        + field.getType().getSimpleName()
                        + ": declare it as ToOne<T> (for @ManyToOne) or ToMany<T> (for @OneToMany)");
            }
            if (Modifier.isFinal(modifiers)) {
                throw new MappingException(
                        where + " is final, but Sluice must write it when it loads a row: remove final, or mark"
                                + " it @Transient if it is not a column");
            }
            if (field.isAnnotationPresent(Embedded.class)) {
                embedded.add(embed(type, field, new Field[0], "", "", specs, table, where, new ArrayList<>()));
                continue;
            }
            column(type, field, new Field[0], "", "", specs, table, where, null, false);
        }
        Map<Class<?>, Table.Builder> subclassTables = new LinkedHashMap<>();
        if (hierarchy != null) {
            hierarchyColumns(type, hierarchy, specs, table, subclassTables);
        }
        if (specs.stream().noneMatch(spec -> spec.id)) {
            throw new MappingException(
                    name + " has no @Id field: annotate its primary-key field with @Id (and @Generated if the"
                            + " database generates it)");
        }
        long generatedIds = specs.stream().filter(spec -> spec.generated).count();
        if (generatedIds > 0 && specs.stream().filter(spec -> spec.id).count() > 1) {
            throw new MappingException(
                    name + " has a composite key with a @Generated part: generated keys must be the only @Id");
        }
        if (specs.stream().filter(spec -> spec.version).count() > 1) {
            throw new MappingException(name + " has more than one @Version field: keep one");
        }
        List<RelationSpec> relations = new ArrayList<>();
        for (Field field : relationFields) {
            relations.add(relation(type, field, specs, table));
        }
        Table built = table.build();
        // A joined hierarchy's tables are made once, with its root's model, and shared by every class's model.
        Map<Class<?>, Table> tables = new LinkedHashMap<>();
        Hierarchy joinedHierarchy = joined ? hierarchy : null;
        if (joinedHierarchy != null) {
            if (type == joinedHierarchy.root()) {
                tables.put(type, built);
                subclassTables.forEach((subclass, builder) -> tables.put(subclass, builder.build()));
            } else {
                Map<Class<?>, Table> shared =
                        EntityModel.of(joinedHierarchy.root()).joinedTables();
                for (Map.Entry<Class<?>, Table> entry : shared.entrySet()) {
                    if (entry.getKey().isAssignableFrom(type) || type.isAssignableFrom(entry.getKey())) {
                        tables.put(entry.getKey(), entry.getValue());
                    }
                }
                built = java.util.Objects.requireNonNull(tables.get(type));
            }
        }
        List<Attribute<E, ?>> attributes = new ArrayList<>();
        Attribute<E, ?> versionAttribute = null;
        for (FieldSpec spec : specs) {
            io.sluice.core.sql.Column<?> column = spec.formula != null
                    ? formulaColumn(built, spec)
                    : joinedHierarchy != null
                            ? java.util.Objects.requireNonNull(tables.get(tableOf(spec, joinedHierarchy)))
                                    .column(spec.columnName)
                            : built.column(spec.columnName);
            Attribute<E, ?> attribute = new Attribute(
                    column,
                    type,
                    spec.name,
                    spec.id,
                    spec.generated,
                    spec.version,
                    spec.field.getType().isPrimitive(),
                    spec.field,
                    spec.path,
                    spec.owner,
                    spec.discriminator ? hierarchy : null);
            if (spec.formula != null || !spec.insertable || !spec.updatable || spec.databaseGenerated != null) {
                attribute.writing(
                        spec.insertable,
                        spec.updatable,
                        spec.databaseGenerated,
                        spec.formula == null ? null : FormulaText.parse(spec.formula, built, column.type()));
            }
            attributes.add(attribute);
            if (spec.version) {
                versionAttribute = attribute;
            }
        }
        List<Relationship<E, ?>> relationships = new ArrayList<>();
        for (RelationSpec spec : relations) {
            relationships.add(spec.create(type));
        }
        for (EmbeddedValue value : embedded) {
            for (int i = value.start(); i < value.end(); i++) {
                attributes.get(i).embedIn(value, attributes, i);
            }
        }
        return new EntityModel<>(type, built, attributes, versionAttribute, relationships, embedded, hierarchy, tables);
    }

    /** The class whose table holds a field's column in a joined hierarchy: the class that declares the field. */
    private static Class<?> tableOf(FieldSpec spec, Hierarchy hierarchy) {
        if (spec.discriminator) {
            return hierarchy.root();
        }
        Field top = spec.path.length > 0 ? spec.path[0] : spec.field;
        Class<?> declaring = top.getDeclaringClass();
        if (hierarchy.classes().contains(declaring)) {
            return declaring;
        }
        if (declaring.isAssignableFrom(hierarchy.root())) {
            return hierarchy.root();
        }
        throw noTable(top, hierarchy);
    }

    private static MappingException noTable(Field field, Hierarchy hierarchy) {
        Class<?> declaring = field.getDeclaringClass();
        return new MappingException(declaring.getSimpleName() + "." + field.getName() + " is declared on "
                + declaring.getSimpleName() + ", which has no table in "
                + hierarchy.root().getSimpleName()
                + "'s joined-table hierarchy: make " + declaring.getSimpleName()
                + " an @Entity with its own table and list it in @Inheritance(subclasses)");
    }

    /** Maps a field (of the entity, or of an embedded value on {@code path}) to a column of the table. */
    private static void column(
            Class<?> type,
            Field field,
            Field[] path,
            String namePrefix,
            String columnPrefix,
            List<FieldSpec> specs,
            Table.Builder table,
            String where,
            @Nullable Class<?> owner,
            boolean ownTable) {
        MappedColumn column = field.getAnnotation(MappedColumn.class);
        boolean id = field.isAnnotationPresent(Id.class);
        boolean generated = field.isAnnotationPresent(Generated.class);
        boolean version = field.isAnnotationPresent(Version.class);
        SqlType<?> sqlType = ColumnTypes.of(type, field, column, where);
        if (sqlType.conversion() != null && (id || version)) {
            throw new MappingException(where + " is " + (id ? "an @Id" : "a @Version") + " field with a converter or"
                    + " @Enumerated(ORDINAL): keys and versions are stored as they are; use a type Sluice stores"
                    + " (Integer, Long, String, UUID, ...) for it");
        }
        boolean integer = sqlType.kind() == SqlType.Kind.INTEGER
                || sqlType.kind() == SqlType.Kind.BIGINT
                || sqlType.kind() == SqlType.Kind.SMALLINT;
        if (generated) {
            GeneratedKeys.check(where, field, sqlType, id);
        }
        if (version && !integer) {
            throw new MappingException(where + " is @Version but of type "
                    + field.getType().getSimpleName() + ": a version must be an Integer, Long or Short field");
        }
        if (id && version) {
            throw new MappingException(where + " cannot be both @Id and @Version: use a separate version field");
        }
        if (id && field.getType().isPrimitive() && generated) {
            throw new MappingException(
                    where + " is a primitive generated key, which cannot be empty before insert: use "
                            + (sqlType.kind() == SqlType.Kind.BIGINT ? "Long" : "Integer"));
        }
        ColumnWriting written =
                ColumnWriting.of(where, field, column, sqlType, id, version, generated, path.length > 0, owner != null);
        String columnName = columnPrefix
                + (column != null && !column.name().isBlank() ? column.name() : snakeCase(field.getName()));
        if (specs.stream().anyMatch(spec -> spec.columnName.equalsIgnoreCase(columnName))) {
            throw new MappingException(where + " maps to column " + columnName + ", which another field of "
                    + type.getSimpleName() + " already maps to: rename one column (@MappedColumn(name = ...)) or give"
                    + " an @Embedded field another prefix");
        }
        if (written.formula != null) {
            accessible(field, where);
            FieldSpec spec =
                    new FieldSpec(field, namePrefix + field.getName(), path, columnName, false, false, false, owner);
            written.applyTo(spec);
            specs.add(spec);
            return;
        }
        table.column(columnName, sqlType);
        written.applyTo(table);
        if (id) {
            table.primaryKey();
        }
        if (generated && GeneratedKeys.isIdentity(field)) {
            table.autoIncrement();
        }
        if (column != null && !column.nullable() && !id && (owner == null || ownTable)) {
            table.notNull();
        }
        if (version) {
            table.notNull();
        }
        if (column != null && column.unique()) {
            table.unique();
        }
        accessible(field, where);
        FieldSpec spec =
                new FieldSpec(field, namePrefix + field.getName(), path, columnName, id, generated, version, owner);
        written.applyTo(spec);
        specs.add(spec);
    }

    /** The column of a {@link Formula} field: read with the table's rows under the field's name, never part of its DDL. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static io.sluice.core.sql.Column<?> formulaColumn(Table table, FieldSpec spec) {
        return new io.sluice.core.sql.Column(table, spec.columnName, spec.formulaType) {};
    }

    /**
     * Adds the discriminator column of a single-table hierarchy and, for its root, the columns of every subclass (nullable,
     * read and written only for objects of their subclass).
     */
    private static void hierarchyColumns(
            Class<?> type,
            Hierarchy hierarchy,
            List<FieldSpec> specs,
            Table.Builder table,
            Map<Class<?>, Table.Builder> subclassTables) {
        String column = hierarchy.column();
        if (specs.stream().anyMatch(spec -> spec.columnName.equalsIgnoreCase(column))) {
            throw new MappingException(type.getSimpleName() + " maps a field to column " + column + ", which is the"
                    + " discriminator of " + hierarchy.root().getSimpleName()
                    + "'s hierarchy: rename the field's column,"
                    + " or name another discriminator in @Inheritance(discriminator = ...)");
        }
        table.column(column, SqlType.varchar(hierarchy.longestValue())).notNull();
        FieldSpec discriminator = new FieldSpec(DISCRIMINATOR, column, new Field[0], column, false, false, false, null);
        discriminator.discriminator = true;
        specs.add(discriminator);
        boolean root = type == hierarchy.root();
        if (hierarchy.joined() && root) {
            for (Class<?> subclass : hierarchy.classes()) {
                if (subclass != type) {
                    subclassTables.put(subclass, keyedTable(type, subclass, hierarchy, specs));
                }
            }
        }
        java.util.Set<Field> seen = new java.util.HashSet<>();
        Map<Field, Table.Builder> references = new LinkedHashMap<>();
        // a class with subclasses reads their columns too: its queries make each row the class its discriminator names
        for (Class<?> subclass : hierarchy.classes()) {
            if (subclass == type || !type.isAssignableFrom(subclass)) {
                continue;
            }
            List<Class<?>> between = new ArrayList<>();
            for (Class<?> c = subclass; c != type; c = c.getSuperclass()) {
                between.add(0, c);
            }
            for (Class<?> declaring : between) {
                for (Field field : declaring.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!seen.add(field)
                            || field.isSynthetic()
                            || Modifier.isStatic(modifiers)
                            || Modifier.isTransient(modifiers)
                            || field.isAnnotationPresent(Transient.class)) {
                        continue;
                    }
                    if (field.getType().isAnnotationPresent(RelationshipHolder.class)) {
                        if (root && field.isAnnotationPresent(ManyToOne.class)) {
                            Table.Builder own = subclassTables.get(declaring);
                            references.put(field, hierarchy.joined() && own != null ? own : table);
                        }
                        continue;
                    }
                    String where = declaring.getSimpleName() + "." + field.getName();
                    if (field.isAnnotationPresent(Embedded.class)
                            || field.isAnnotationPresent(Id.class)
                            || field.isAnnotationPresent(Version.class)) {
                        throw new MappingException(where + " is an @Embedded, @Id or @Version field of a subclass in a"
                                + " class hierarchy: declare it on "
                                + hierarchy.root().getSimpleName());
                    }
                    Table.Builder target = table;
                    if (hierarchy.joined()) {
                        Table.Builder own = subclassTables.get(declaring);
                        if (!hierarchy.classes().contains(declaring) || (root && own == null)) {
                            throw noTable(field, hierarchy);
                        }
                        // the root's model makes the tables; the other classes' models take their columns from them
                        target = own != null && root ? own : table;
                    }
                    column(type, field, new Field[0], "", "", specs, target, where, declaring, hierarchy.joined());
                }
            }
        }
        // the foreign keys of subclasses' references, in the table that holds each one's column
        references.forEach((field, target) -> {
            Class<?> related = typeArgument(field, field.getDeclaringClass().getSimpleName() + "." + field.getName());
            referenceConstraint(
                    field.getDeclaringClass(), field, related, field.getAnnotation(ManyToOne.class), specs, target);
        });
    }

    /**
     * Starts the table of a subclass in a joined hierarchy: the root's key columns, its primary key, referencing the table
     * of the class it extends (rows deleted with the row they extend).
     */
    private static Table.Builder keyedTable(
            Class<?> root, Class<?> subclass, Hierarchy hierarchy, List<FieldSpec> rootSpecs) {
        Table.Builder table = Table.builder(subclass.getAnnotation(Entity.class).table());
        List<String> keys = new ArrayList<>();
        for (FieldSpec spec : rootSpecs) {
            if (spec.id) {
                String where = root.getSimpleName() + "." + spec.name;
                SqlType<?> type = ColumnTypes.of(root, spec.field, spec.field.getAnnotation(MappedColumn.class), where);
                table.column(spec.columnName, type).primaryKey();
                keys.add(spec.columnName);
            }
        }
        Class<?> parent = subclass.getSuperclass();
        while (!hierarchy.classes().contains(parent)) {
            parent = parent.getSuperclass();
        }
        table.foreignKey(new io.sluice.core.sql.ForeignKey(
                keys, parent.getAnnotation(Entity.class).table(), keys, io.sluice.core.sql.ReferentialAction.CASCADE));
        return table;
    }

    /** The field given to the discriminator's attribute, which reads no field: its value is the object's class's. */
    private static final Field DISCRIMINATOR;

    static {
        try {
            DISCRIMINATOR = DiscriminatorHolder.class.getDeclaredField("value");
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class DiscriminatorHolder {
        @SuppressWarnings("unused")
        private @Nullable String value;
    }

    /**
     * Maps a field holding an embedded value: each of the value's fields becomes a column (nested values recursively),
     * named with the prefix.
     */
    private static EmbeddedValue embed(
            Class<?> type,
            Field field,
            Field[] path,
            String namePrefix,
            String columnPrefix,
            List<FieldSpec> specs,
            Table.Builder table,
            String where,
            List<Class<?>> enclosing) {
        Class<?> valueType = field.getType();
        String valueName = valueType.getSimpleName();
        if (field.isAnnotationPresent(Id.class)
                || field.isAnnotationPresent(Version.class)
                || field.isAnnotationPresent(Generated.class)
                || field.isAnnotationPresent(Convert.class)) {
            throw new MappingException(where + " is @Embedded and cannot also be @Id, @Version, @Generated or @Convert:"
                    + " an embedded value maps to its own fields' columns");
        }
        if (valueType.isPrimitive()
                || valueType.isArray()
                || valueType.isInterface()
                || valueType.isEnum()
                || Modifier.isAbstract(valueType.getModifiers())
                || valueType.getName().startsWith("java.")) {
            throw new MappingException(where + " is @Embedded but of type " + valueType.getName()
                    + ": embed a record or a concrete class of your own whose fields map to columns");
        }
        if (valueType.isAnnotationPresent(Entity.class)) {
            throw new MappingException(where + " embeds " + valueName + ", which is an @Entity: relate to it with"
                    + " @ManyToOne (ToOne<" + valueName + ">) instead");
        }
        if (enclosing.contains(valueType) || valueType == type) {
            throw new MappingException(
                    where + " embeds " + valueName + " inside itself: embedded values cannot be" + " recursive");
        }
        java.lang.reflect.Constructor<?> canonical = null;
        java.lang.reflect.Constructor<?> noArgument = null;
        if (valueType.isRecord()) {
            Class<?>[] components = java.util.Arrays.stream(valueType.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                canonical = valueType.getDeclaredConstructor(components);
                canonical.setAccessible(true);
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new MappingException(
                        where + " embeds record " + valueName + ", whose canonical constructor Sluice"
                                + " cannot call (" + e + "): open its package to io.sluice");
            }
        } else {
            try {
                noArgument = valueType.getDeclaredConstructor();
                noArgument.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new MappingException(where + " embeds " + valueName + ", which has no no-argument constructor:"
                        + " add one (it may be private), or make " + valueName + " a record");
            } catch (RuntimeException e) {
                throw new MappingException(where + " embeds " + valueName + ", which Sluice cannot create ("
                        + e.getMessage() + "): open its package to io.sluice");
            }
        }
        accessible(field, where);
        Embedded annotation = field.getAnnotation(Embedded.class);
        String prefix = annotation.prefix().equals(Embedded.FIELD_NAME)
                ? snakeCase(field.getName()) + "_"
                : annotation.prefix();
        EmbeddedValue value = new EmbeddedValue(field, where, canonical, noArgument, specs.size());
        Field[] inner = java.util.Arrays.copyOf(path, path.length + 1);
        inner[path.length] = field;
        List<Class<?>> nesting = new ArrayList<>(enclosing);
        nesting.add(valueType);
        for (Field part : valueType.getDeclaredFields()) {
            int modifiers = part.getModifiers();
            if (part.isSynthetic()
                    || Modifier.isStatic(modifiers)
                    || Modifier.isTransient(modifiers)
                    || part.isAnnotationPresent(Transient.class)) {
                if (canonical != null && !Modifier.isStatic(modifiers)) {
                    throw new MappingException(where + " embeds record " + valueName + ", whose component "
                            + part.getName() + " is @Transient: every component of a record is a column");
                }
                continue;
            }
            String partWhere = where + "." + part.getName();
            if (part.isAnnotationPresent(Id.class)
                    || part.isAnnotationPresent(Version.class)
                    || part.isAnnotationPresent(Generated.class)
                    || part.getType().isAnnotationPresent(RelationshipHolder.class)) {
                throw new MappingException(partWhere + " is a key, version or relationship inside embedded " + valueName
                        + ": keep those on the entity; an embedded value holds plain columns");
            }
            if (canonical == null && Modifier.isFinal(modifiers)) {
                throw new MappingException(partWhere + " is final, but Sluice must write it when it loads a row:"
                        + " remove final, or make " + valueName + " a record");
            }
            accessible(part, partWhere);
            if (part.isAnnotationPresent(Embedded.class)) {
                value.addNested(embed(
                        type,
                        part,
                        inner,
                        namePrefix + field.getName() + ".",
                        columnPrefix + prefix,
                        specs,
                        table,
                        partWhere,
                        nesting));
            } else {
                column(
                        type,
                        part,
                        inner,
                        namePrefix + field.getName() + ".",
                        columnPrefix + prefix,
                        specs,
                        table,
                        partWhere,
                        null,
                        false);
                value.addColumn(part, specs.size() - 1);
            }
        }
        if (value.isEmpty()) {
            throw new MappingException(where + " embeds " + valueName + ", which has no fields to map: give it fields,"
                    + " or mark " + where + " @Transient");
        }
        return value;
    }

    /**
     * Adds the foreign-key constraint of a {@code @ManyToOne} to the table holding its foreign-key column, and returns the
     * name of the foreign-key field.
     */
    private static String referenceConstraint(
            Class<?> type,
            Field field,
            Class<?> target,
            ManyToOne manyToOne,
            List<FieldSpec> specs,
            Table.Builder table) {
        String where = type.getSimpleName() + "." + field.getName();
        String foreignKey = manyToOne.foreignKey().isBlank() ? field.getName() + "Id" : manyToOne.foreignKey();
        FieldSpec column = null;
        for (FieldSpec spec : specs) {
            if (spec.name.equals(foreignKey)) {
                column = spec;
            }
        }
        if (column == null) {
            throw new MappingException(where + " needs a mapped foreign-key field '" + foreignKey + "' in "
                    + type.getSimpleName()
                    + ": declare it (for example 'private Integer " + foreignKey + ";'), or name another with"
                    + " @ManyToOne(foreignKey = \"...\")");
        }
        TargetKey key = TargetKey.of(target, where);
        table.foreignKey(new io.sluice.core.sql.ForeignKey(
                List.of(column.columnName), key.table, List.of(key.column), manyToOne.onDelete()));
        return foreignKey;
    }

    private static RelationSpec relation(Class<?> type, Field field, List<FieldSpec> specs, Table.Builder table) {
        String where = type.getSimpleName() + "." + field.getName();
        Class<?> target = typeArgument(field, where);
        if (target.getAnnotation(Entity.class) == null) {
            throw new MappingException(
                    where + " relates to " + target.getName() + ", which is not mapped: annotate it with @Entity");
        }
        accessible(field, where);
        Field getter = field;
        if (!holdsCollection(field.getType())) {
            ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
            if (manyToOne == null) {
                throw new MappingException(
                        where + " is a ToOne but has no @ManyToOne: annotate it, naming its foreign-key field");
            }
            String foreignKey = referenceConstraint(type, field, target, manyToOne, specs, table);
            return new RelationSpec(field, target, Kind.MANY_TO_ONE, foreignKey, java.util.Set.of(), "", getter, null);
        }
        ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
        if (manyToMany != null) {
            return manyToMany(type, field, target, manyToMany, specs, getter);
        }
        OneToMany oneToMany = field.getAnnotation(OneToMany.class);
        if (oneToMany == null) {
            throw new MappingException(
                    where + " is a ToMany but has no @OneToMany: annotate it with @OneToMany(mappedBy = \"...\")");
        }
        Field inverse = null;
        for (Field candidate : fields(target)) {
            if (candidate.getName().equals(oneToMany.mappedBy())) {
                inverse = candidate;
            }
        }
        if (inverse == null || !isReference(inverse.getType()) || inverse.getAnnotation(ManyToOne.class) == null) {
            throw new MappingException(
                    where + " is mappedBy '" + oneToMany.mappedBy() + "', but " + target.getSimpleName()
                            + " has no @ManyToOne ToOne field of that name: add it, or correct mappedBy");
        }
        return new RelationSpec(
                field,
                target,
                Kind.ONE_TO_MANY,
                oneToMany.mappedBy(),
                java.util.Set.of(oneToMany.cascade()),
                oneToMany.orderBy(),
                getter,
                null);
    }

    private static boolean holdsCollection(Class<?> type) {
        RelationshipHolder holder = type.getAnnotation(RelationshipHolder.class);
        return holder != null && holder.collection();
    }

    private static boolean isReference(Class<?> type) {
        RelationshipHolder holder = type.getAnnotation(RelationshipHolder.class);
        return holder != null && !holder.collection();
    }

    private static RelationSpec manyToMany(
            Class<?> type, Field field, Class<?> target, ManyToMany annotation, List<FieldSpec> specs, Field getter) {
        String where = type.getSimpleName() + "." + field.getName();
        if (!annotation.mappedBy().isBlank()) {
            return new RelationSpec(
                    field,
                    target,
                    Kind.MANY_TO_MANY,
                    annotation.mappedBy(),
                    java.util.Set.of(),
                    annotation.orderBy(),
                    getter,
                    null);
        }
        if (annotation.table().isBlank()) {
            throw new MappingException(
                    where + " is @ManyToMany without a table or mappedBy: name the association table on one"
                            + " side and give mappedBy on the other");
        }
        TargetKey own = TargetKey.of(type, where);
        TargetKey other = TargetKey.of(target, where);
        String joinColumn = annotation.joinColumn().isBlank() ? own.table + "_id" : annotation.joinColumn();
        String inverseColumn =
                annotation.inverseJoinColumn().isBlank() ? other.table + "_id" : annotation.inverseJoinColumn();
        Table association = Table.builder(annotation.table())
                .column(joinColumn, own.type)
                .column(inverseColumn, other.type)
                .primaryKey(joinColumn, inverseColumn)
                .foreignKey(new io.sluice.core.sql.ForeignKey(
                        List.of(joinColumn),
                        own.table,
                        List.of(own.column),
                        io.sluice.core.sql.ReferentialAction.NO_ACTION))
                .foreignKey(new io.sluice.core.sql.ForeignKey(
                        List.of(inverseColumn),
                        other.table,
                        List.of(other.column),
                        io.sluice.core.sql.ReferentialAction.NO_ACTION))
                .build();
        return new RelationSpec(
                field, target, Kind.MANY_TO_MANY, "", java.util.Set.of(), annotation.orderBy(), getter, association);
    }

    private static Class<?> typeArgument(Field field, String where) {
        if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument) {
            return argument;
        }
        throw new MappingException(where + " must name its related class, as in ToMany<Address>");
    }

    /** The table and primary-key column of a related class, read from its annotations without building its model. */
    private record TargetKey(String table, String column, SqlType<?> type) {
        static TargetKey of(Class<?> target, String where) {
            Entity annotation = target.getAnnotation(Entity.class);
            List<String> keys = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            for (Field field : fields(target)) {
                if (field.isAnnotationPresent(Id.class)) {
                    MappedColumn column = field.getAnnotation(MappedColumn.class);
                    keys.add(column != null && !column.name().isBlank() ? column.name() : snakeCase(field.getName()));
                    types.add(field.getType());
                }
            }
            if (annotation == null || keys.size() != 1) {
                throw new MappingException(where + " relates to " + target.getSimpleName()
                        + ", which needs exactly one @Id field to be referenced by a foreign key");
            }
            String table = annotation.table();
            Hierarchy hierarchy = table.isBlank() ? Hierarchy.of(target) : null;
            if (hierarchy != null) {
                // a subclass in a single table: its rows are in its root's table
                table = hierarchy.root().getAnnotation(Entity.class).table();
            }
            return new TargetKey(table, keys.get(0), SqlType.forJavaType(types.get(0)));
        }
    }

    private enum Kind {
        MANY_TO_ONE,
        ONE_TO_MANY,
        MANY_TO_MANY
    }

    private record RelationSpec(
            Field field,
            Class<?> target,
            Kind kind,
            String counterpart,
            java.util.Set<Cascade> cascades,
            String orderBy,
            Field getter,
            @Nullable Table association) {

        /** The relationship of this field, of the class its kind maps to. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        <E> Relationship<E, ?> create(Class<E> owner) {
            String name = field.getName();
            return switch (kind) {
                case MANY_TO_ONE -> new ManyToOneRelationship(owner, target, name, counterpart, getter);
                case ONE_TO_MANY ->
                    new OneToManyRelationship(owner, target, name, counterpart, cascades, orderBy, getter);
                case MANY_TO_MANY ->
                    new ManyToManyRelationship(owner, target, name, counterpart, orderBy, getter, association);
            };
        }
    }

    private static List<Field> fields(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (!field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** Makes a mapped field readable and writable by reflection, or says why it cannot be. */
    private static void accessible(Field field, String where) {
        try {
            field.setAccessible(true);
        } catch (RuntimeException e) {
            throw new MappingException(
                    where + " cannot be accessed by Sluice (" + e.getMessage() + "); open its package to io.sluice");
        }
    }

    /** Returns {@code fullName} as {@code full_name}, {@code emailAddress} as {@code email_address}. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)))) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }

    static final class FieldSpec {
        final Field field;
        final String name;
        final Field[] path;
        final String columnName;
        final boolean id;
        final boolean generated;
        final boolean version;
        final @Nullable Class<?> owner;
        boolean discriminator;
        boolean insertable = true;
        boolean updatable = true;
        DatabaseGenerated.@Nullable Event databaseGenerated;

        @Nullable
        String formula;

        SqlType<?> formulaType = SqlType.VARCHAR;

        FieldSpec(
                Field field,
                String name,
                Field[] path,
                String columnName,
                boolean id,
                boolean generated,
                boolean version,
                @Nullable Class<?> owner) {
            this.owner = owner;
            this.field = field;
            this.name = name;
            this.path = path;
            this.columnName = columnName;
            this.id = id;
            this.generated = generated;
            this.version = version;
        }
    }
}
