package io.sluice.session.mapping;

import io.sluice.core.sql.SqlType;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Works out the database enum type of an {@link Enumerated} field, and refuses a type name on other storages. */
final class NativeEnums {

    /** A type name every database accepts unquoted or quoted alike; 63 characters is PostgreSQL's limit. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private NativeEnums() {}

    /**
     * Returns the type of an enum field stored in a database enum type, or {@code null} for another storage.
     *
     * @param javaType the field's type, an enum
     * @param enumerated the field's annotation
     * @param where the field, named for messages
     * @throws MappingException if a type name is given for another storage, the name is not a valid type name, or the enum has
     *     no constants
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static @Nullable SqlType<?> typeOrNull(Class<?> javaType, Enumerated enumerated, String where) {
        String given = enumerated.typeName();
        if (enumerated.value() != Enumerated.EnumStorage.NATIVE) {
            if (!given.isEmpty()) {
                throw new MappingException(
                        where + " has @Enumerated(typeName = \"" + given + "\") but stores the enum by "
                                + enumerated.value()
                                + ": typeName names a database enum type, so add value = EnumStorage.NATIVE,"
                                + " or remove typeName");
            }
            return null;
        }
        String name = given.isEmpty() ? snakeCase(javaType.getSimpleName()) : given;
        if (!TYPE_NAME.matcher(name).matches()) {
            throw new MappingException(
                    where + " has @Enumerated(NATIVE) with type name \"" + name + "\", which is not a"
                            + " valid type name: use letters, digits and underscores, not starting with a digit, at most 63"
                            + " characters (typeName = \""
                            + snakeCase(javaType.getSimpleName()).replaceAll("[^a-z0-9_]", "_")
                            + "\", for example)");
        }
        if (javaType.getEnumConstants().length == 0) {
            throw new MappingException(where + " has @Enumerated(NATIVE), but enum " + javaType.getName() + " has no"
                    + " constants to be the labels of type " + name + ": add its constants, or store it by NAME");
        }
        return SqlType.namedEnum((Class) javaType, name);
    }

    /** Returns a Java name in snake case: {@code OrderStatus} gives {@code order_status}, {@code HTTPCode} {@code http_code}. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char previous = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(previous)
                        || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextLower)) {
                    snake.append('_');
                }
            }
            snake.append(c);
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
