package io.sluice.session.mapping;

import io.sluice.core.sql.Converter;
import io.sluice.core.sql.SqlType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Works out the SQL type of a mapped field: a type Sluice stores itself, an enum by name, ordinal or in a database enum type, a
 * converted type, a JSON document ({@link Json}), or an array (a {@code List<E>} or {@code E[]} field).
 */
final class ColumnTypes {

    private ColumnTypes() {}

    /**
     * Returns the SQL type of a field.
     *
     * @param entity the mapped class (whose registrations apply)
     * @param field the field
     * @param column its {@link MappedColumn}, if any
     * @param where the field, named for messages
     */
    static SqlType<?> of(Class<?> entity, Field field, @Nullable MappedColumn column, String where) {
        Class<?> javaType = boxed(field.getType());
        Convert convert = field.getAnnotation(Convert.class);
        Enumerated enumerated = field.getAnnotation(Enumerated.class);
        if (convert != null && enumerated != null) {
            throw new MappingException(where + " has both @Convert and @Enumerated: keep one (a converter decides the"
                    + " stored value itself)");
        }
        boolean json = field.isAnnotationPresent(Json.class);
        if (json && enumerated != null) {
            throw new MappingException(where + " has both @Json and @Enumerated: keep one");
        }
        Class<?> converterClass = convert != null ? convert.value() : json ? null : registered(entity, javaType, where);
        if (converterClass != null) {
            return converted(javaType, converterClass, column, where, json);
        }
        if (json) {
            return json(javaType, field, where);
        }
        if (enumerated != null) {
            if (!javaType.isEnum()) {
                throw new MappingException(where + " is @Enumerated but of type " + javaType.getSimpleName()
                        + ": @Enumerated applies to enum fields only; remove it");
            }
            SqlType<?> nativeEnum = NativeEnums.typeOrNull(javaType, enumerated, where);
            if (nativeEnum != null) {
                return nativeEnum;
            }
            if (enumerated.value() == Enumerated.EnumStorage.ORDINAL) {
                return ordinal(javaType);
            }
        }
        SqlType<?> array = array(javaType, field, where);
        return array != null ? array : stored(javaType, column, where, null);
    }

    /** Returns the type of a {@link Json} field: the JSON text itself for a String, else through Jackson. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> json(Class<?> javaType, Field field, String where) {
        if (javaType == String.class) {
            return SqlType.JSON;
        }
        if (!JacksonConverter.isPresent()) {
            throw new MappingException(
                    where + " is @Json of type " + javaType.getSimpleName() + ", which Sluice writes as"
                            + " JSON with Jackson, but Jackson is not on the class path: add com.fasterxml.jackson.core:"
                            + "jackson-databind to the application's dependencies, or make the field a String holding the JSON"
                            + " text");
        }
        return SqlType.converted(
                (Class) javaType, SqlType.JSON, (Converter) JacksonConverter.of(field.getGenericType(), where));
    }

    /** Returns the array type of a {@code List<E>} or {@code E[]} field, or {@code null} for a field of another type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static @Nullable SqlType<?> array(Class<?> javaType, Field field, String where) {
        if (javaType == List.class) {
            Type generic = field.getGenericType();
            Type argument = generic instanceof ParameterizedType parameterized
                    ? parameterized.getActualTypeArguments()[0]
                    : null;
            if (!(argument instanceof Class<?> elementClass)) {
                throw new MappingException(where + " is a List of " + (argument == null ? "unnamed elements" : argument)
                        + ", which Sluice cannot store: declare its element class (List<String>, List<Integer>,"
                        + " List<Long>, List<UUID>, ...), or annotate it @Json to store it as a JSON document");
            }
            SqlType element = element(elementClass, where);
            return SqlType.converted((Class) List.class, SqlType.array(element), (Converter)
                    new ArrayConverters.ListConverter<>(element.javaType(), where));
        }
        if (javaType.isArray() && javaType != byte[].class) {
            Class<?> component = javaType.getComponentType();
            if (component.isPrimitive()) {
                throw new MappingException(where + " is an array of " + component + ", which Sluice cannot store: use "
                        + boxed(component).getSimpleName() + "[] or List<"
                        + boxed(component).getSimpleName() + ">");
            }
            SqlType element = element(component, where);
            return SqlType.converted((Class) javaType, SqlType.array(element), new ArrayConverters.CopyConverter<>());
        }
        return null;
    }

    /** Returns the element type of an array column holding values of a class. */
    private static SqlType<?> element(Class<?> elementClass, String where) {
        if (elementClass == String.class) {
            return SqlType.TEXT;
        }
        SqlType<?> element = null;
        if (!elementClass.isEnum() && elementClass != byte[].class && !elementClass.isArray()) {
            try {
                element = SqlType.forJavaType(elementClass);
            } catch (IllegalArgumentException e) {
                element = null;
            }
        }
        if (element == null) {
            throw new MappingException(where + " holds " + elementClass.getSimpleName() + " elements, which an array"
                    + " column cannot: use elements of String, Integer, Long, Short, Boolean, BigDecimal, Double, Float,"
                    + " UUID or a java.time type, or annotate the field @Json to store it as a JSON document");
        }
        return element;
    }

    /** Returns the type Sluice stores values of a Java class as, sized by the field's {@link MappedColumn}. */
    private static SqlType<?> stored(
            Class<?> javaType, @Nullable MappedColumn column, String where, @Nullable Class<?> converter) {
        if (javaType == String.class) {
            if (column != null && column.text()) {
                return SqlType.TEXT;
            }
            return column != null && column.length() > 0 ? SqlType.varchar(column.length()) : SqlType.VARCHAR;
        }
        if (javaType == BigDecimal.class && column != null && (column.precision() > 0 || column.scale() >= 0)) {
            int precision = column.precision() > 0 ? column.precision() : 19;
            int scale = column.scale() >= 0 ? column.scale() : 4;
            if (scale > precision) {
                throw new MappingException(
                        where + " has scale " + scale + " above its precision " + precision + ": lower the scale");
            }
            return SqlType.decimal(precision, scale);
        }
        try {
            return SqlType.forJavaType(javaType);
        } catch (IllegalArgumentException e) {
            String supported =
                    "Short, Integer, Long, String, Boolean, BigDecimal, Float, Double, a java.time type, UUID,"
                            + " byte[] or an enum";
            if (converter != null) {
                throw new MappingException(where + " uses converter " + converter.getName() + ", which stores "
                        + javaType.getName() + ": a converter must store one of " + supported);
            }
            throw new MappingException(where + " has type " + javaType.getName() + ", which Sluice cannot store in a"
                    + " column: use " + supported
                    + ", give it a converter (@Convert, or @RegisterConverter on the class"
                    + " or package), or mark the field @Transient");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> converted(
            Class<?> javaType, Class<?> converterClass, @Nullable MappedColumn column, String where, boolean json) {
        Class<?>[] types = converterTypes(converterClass, where);
        if (types[0] != javaType) {
            throw new MappingException(where + " holds " + javaType.getSimpleName() + ", but its converter "
                    + converterClass.getName() + " converts " + types[0].getSimpleName() + ": give it a converter"
                    + " whose first type argument is " + javaType.getSimpleName());
        }
        if (json && types[1] != String.class) {
            throw new MappingException(where + " is @Json with converter " + converterClass.getName()
                    + ", which stores " + types[1].getSimpleName()
                    + ": a @Json field's converter must store the JSON text, a String");
        }
        SqlType storage = json ? SqlType.JSON : stored(types[1], column, where, converterClass);
        return SqlType.converted((Class) javaType, storage, instantiate(converterClass, where));
    }

    /** Returns a converter class's Java type and stored type: the type arguments it gives {@link Converter}. */
    static Class<?>[] converterTypes(Class<?> converterClass, String where) {
        for (Class<?> c = converterClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Converter.class) {
                    Class<?>[] classes = new Class<?>[2];
                    for (int i = 0; i < 2; i++) {
                        Type argument = parameterized.getActualTypeArguments()[i];
                        if (argument instanceof Class<?> plain) {
                            classes[i] = plain;
                        } else if (argument instanceof ParameterizedType generic
                                && generic.getRawType() instanceof Class<?> raw) {
                            classes[i] = raw;
                        } else {
                            throw new MappingException(where + " uses converter " + converterClass.getName()
                                    + ", whose type " + argument + " is not a class: declare it as implements"
                                    + " Converter<FieldType, StoredType> with both types named");
                        }
                    }
                    return classes;
                }
            }
        }
        throw new MappingException(where + " uses converter " + converterClass.getName()
                + ", which does not implement Converter directly: declare it as implements"
                + " Converter<FieldType, StoredType>");
    }

    private static Converter<?, ?> instantiate(Class<?> converterClass, String where) {
        try {
            Constructor<?> constructor = converterClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Converter<?, ?>) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new MappingException(where + " uses converter " + converterClass.getName()
                    + ", which has no no-argument constructor: add one (it may be private)");
        } catch (InvocationTargetException e) {
            throw new MappingException(
                    where + " uses converter " + converterClass.getName() + ", whose constructor failed: "
                            + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(
                    where + " uses converter " + converterClass.getName() + ", which Sluice cannot create (" + e
                            + "): make it a public or static nested class",
                    e);
        }
    }

    /** Returns the converter registered for a Java type on the entity class, its superclasses, or their packages. */
    private static @Nullable Class<?> registered(Class<?> entity, Class<?> javaType, String where) {
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            Class<?> found = registered(c.getAnnotationsByType(RegisterConverter.class), javaType, c.getName(), where);
            if (found != null) {
                return found;
            }
        }
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            Package pkg = c.getPackage();
            if (pkg != null) {
                Class<?> found = registered(
                        pkg.getAnnotationsByType(RegisterConverter.class), javaType, "package " + pkg.getName(), where);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static @Nullable Class<?> registered(
            RegisterConverter[] registrations, Class<?> javaType, String holder, String where) {
        Class<?> found = null;
        for (RegisterConverter registration : registrations) {
            if (converterTypes(registration.value(), where)[0] == javaType) {
                if (found != null) {
                    throw new MappingException(holder + " registers two converters for " + javaType.getSimpleName()
                            + " (" + found.getName() + " and "
                            + registration.value().getName()
                            + "): keep one, or choose per field with @Convert");
                }
                found = registration.value();
            }
        }
        return found;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> ordinal(Class<?> enumType) {
        return SqlType.converted((Class) enumType, SqlType.INTEGER, new OrdinalConverter(enumType));
    }

    /** Stores an enum constant as its ordinal. */
    private static final class OrdinalConverter<E extends Enum<E>> implements Converter<E, Integer> {
        private final Class<E> type;
        private final E[] constants;

        OrdinalConverter(Class<E> type) {
            this.type = type;
            this.constants = type.getEnumConstants();
        }

        @Override
        public Integer toDatabase(E value) {
            return value.ordinal();
        }

        @Override
        public E fromDatabase(Integer value) {
            if (value < 0 || value >= constants.length) {
                throw new IllegalArgumentException("no constant of " + type.getName() + " has ordinal " + value
                        + "; it has " + constants.length + " constants");
            }
            return constants[value];
        }
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
