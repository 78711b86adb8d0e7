package io.sluice.session.mapping;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A class hierarchy (single-table or joined): its root (annotated {@link Inheritance}), its classes, the discriminator column and each
 * concrete class's discriminator value. Checked when it is first read: subclasses must extend the root and be entities, and
 * values must not clash.
 */
final class Hierarchy {

    private static final ClassValue<Object> HIERARCHIES = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> root) {
            try {
                return new Hierarchy(root);
            } catch (MappingException e) {
                return e;
            }
        }
    };

    private final Class<?> root;
    private final String column;
    /** Every class of the hierarchy, the root first, then the subclasses in the order the root lists them. */
    private final List<Class<?>> classes;
    /** The discriminator value of each concrete class. */
    private final Map<Class<?>, String> values;

    private final int longest;
    private final boolean joined;

    private Hierarchy(Class<?> root) {
        Inheritance inheritance = root.getAnnotation(Inheritance.class);
        if (inheritance == null) {
            throw new IllegalStateException(root + " has no @Inheritance");
        }
        this.root = root;
        this.column = inheritance.discriminator();
        String name = root.getSimpleName();
        if (column.isBlank()) {
            throw new MappingException(name + " has a blank @Inheritance discriminator: name the discriminator column,"
                    + " as in @Inheritance(discriminator = \"type\")");
        }
        Class<?>[] listed = inheritance.subclasses();
        if (listed.length == 0 && root.isSealed()) {
            listed = permitted(root);
        }
        if (listed.length == 0) {
            throw new MappingException(name + " declares @Inheritance but names no subclasses: list them in"
                    + " @Inheritance(subclasses = {...}), or make " + name + " sealed");
        }
        List<Class<?>> all = new ArrayList<>();
        all.add(root);
        for (Class<?> subclass : listed) {
            if (subclass == root || !root.isAssignableFrom(subclass)) {
                throw new MappingException(
                        name + " lists " + subclass.getName() + " in @Inheritance(subclasses), but it"
                                + " does not extend " + name + ": list only subclasses of " + name);
            }
            Entity entity = subclass.getAnnotation(Entity.class);
            if (entity == null) {
                throw new MappingException(subclass.getName() + " is listed in " + name + "'s @Inheritance but is not"
                        + " mapped: annotate it with @Entity");
            }
            if (subclass.isAnnotationPresent(Inheritance.class)) {
                throw new MappingException(
                        subclass.getName() + " declares @Inheritance inside " + name + "'s hierarchy:"
                                + " only the root declares it; list every subclass in the root's @Inheritance(subclasses)");
            }
            if (!all.contains(subclass)) {
                all.add(subclass);
            }
        }
        this.classes = List.copyOf(all);
        this.joined = inheritance.strategy() == Inheritance.Strategy.JOINED;
        if (joined) {
            Map<String, Class<?>> tables = new LinkedHashMap<>();
            for (Class<?> type : all) {
                String table = type.getAnnotation(Entity.class).table();
                if (table.isBlank()) {
                    throw new MappingException(type.getName() + " is in " + name + "'s joined-table hierarchy but names"
                            + " no table: give it its own, as in @Entity(table = \""
                            + EntityModelBuilder.snakeCase(type.getSimpleName()) + "\")");
                }
                Class<?> other = tables.putIfAbsent(table.toLowerCase(java.util.Locale.ROOT), type);
                if (other != null) {
                    throw new MappingException(other.getName() + " and " + type.getName() + " both name table " + table
                            + " in " + name + "'s joined-table hierarchy: give each class its own table, or use"
                            + " @Inheritance(strategy = SINGLE_TABLE)");
                }
            }
        }
        Map<Class<?>, String> byClass = new LinkedHashMap<>();
        Map<String, Class<?>> byValue = new LinkedHashMap<>();
        int length = 32;
        for (Class<?> type : all) {
            if (Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            DiscriminatorValue annotation = type.getAnnotation(DiscriminatorValue.class);
            String value = annotation != null ? annotation.value() : type.getSimpleName();
            if (value.isBlank()) {
                throw new MappingException(type.getName() + " has a blank @DiscriminatorValue: give its rows a value");
            }
            Class<?> other = byValue.putIfAbsent(value, type);
            if (other != null) {
                throw new MappingException(
                        other.getName() + " and " + type.getName() + " both have discriminator value '" + value
                                + "' in " + name + "'s hierarchy: give one another @DiscriminatorValue");
            }
            byClass.put(type, value);
            length = Math.max(length, value.length());
        }
        this.values = byClass;
        this.longest = length;
    }

    private static Class<?>[] permitted(Class<?> root) {
        List<Class<?>> found = new ArrayList<>();
        List<Class<?>> work = new ArrayList<>(List.of(root));
        for (int i = 0; i < work.size(); i++) {
            Class<?>[] permitted = work.get(i).getPermittedSubclasses();
            if (permitted != null) {
                for (Class<?> subclass : permitted) {
                    found.add(subclass);
                    work.add(subclass);
                }
            }
        }
        return found.toArray(new Class<?>[0]);
    }

    /**
     * Returns the hierarchy a class belongs to.
     *
     * @param type an entity class
     * @return its hierarchy, or {@code null} if neither it nor a superclass declares {@link Inheritance}
     * @throws MappingException if the hierarchy is wrong, or the class extends a root without being listed
     */
    static @Nullable Hierarchy of(Class<?> type) {
        Class<?> root = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Inheritance.class) && c.isAnnotationPresent(Entity.class)) {
                root = c;
            }
        }
        if (root == null) {
            return null;
        }
        Object hierarchy = HIERARCHIES.get(root);
        if (hierarchy instanceof MappingException e) {
            throw new MappingException(String.valueOf(e.getMessage()));
        }
        Hierarchy found = (Hierarchy) hierarchy;
        if (!found.classes.contains(type)) {
            throw new MappingException(type.getName() + " extends " + root.getSimpleName() + ", which declares"
                    + " @Inheritance, but is not listed in its subclasses: add it to @Inheritance(subclasses = {...})");
        }
        return found;
    }

    Class<?> root() {
        return root;
    }

    /** Whether each class has its own table ({@link Inheritance.Strategy#JOINED}). */
    boolean joined() {
        return joined;
    }

    String column() {
        return column;
    }

    int longestValue() {
        return longest;
    }

    List<Class<?>> classes() {
        return classes;
    }

    /** Returns the discriminator value of an object's class. */
    String valueOf(Class<?> type) {
        String value = values.get(type);
        if (value == null) {
            throw new IllegalArgumentException(type.getName() + " is not a concrete class of " + root.getSimpleName()
                    + "'s hierarchy: list it in @Inheritance(subclasses)");
        }
        return value;
    }

    /** Returns the class whose rows carry a discriminator value. */
    Class<?> classOf(@Nullable Object value, String table) {
        for (Map.Entry<Class<?>, String> entry : values.entrySet()) {
            if (entry.getValue().equals(value)) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("a row of " + table + " has " + column + " = " + value + ", which no class of "
                + root.getSimpleName() + "'s hierarchy declares: give the class for those rows"
                + " @DiscriminatorValue(\"" + value + "\") and list it in @Inheritance(subclasses)");
    }

    /** Returns the discriminator values of a class and its subclasses: the rows a query of the class reads. */
    List<String> valuesUnder(Class<?> type) {
        List<String> under = new ArrayList<>();
        for (Map.Entry<Class<?>, String> entry : values.entrySet()) {
            if (type.isAssignableFrom(entry.getKey())) {
                under.add(entry.getValue());
            }
        }
        return under;
    }
}
