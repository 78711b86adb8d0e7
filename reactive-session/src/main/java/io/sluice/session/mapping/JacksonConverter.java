package io.sluice.session.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sluice.core.sql.Converter;
import java.lang.reflect.Type;

/**
 * Writes and reads a {@link Json} field's value as JSON text with Jackson, by the field's generic type. Loaded only once {@link
 * #isPresent()} has found Jackson, so that the mapping needs Jackson only for such fields.
 */
final class JacksonConverter implements Converter<Object, String> {

    private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final String where;
    private final JavaType type;

    private JacksonConverter(JavaType type, String where) {
        this.type = type;
        this.reader = Mapper.MAPPER.readerFor(type);
        this.writer = Mapper.MAPPER.writerFor(type);
        this.where = where;
    }

    /** Returns whether Jackson's databind is on the class path. */
    static boolean isPresent() {
        try {
            Class.forName(OBJECT_MAPPER, false, JacksonConverter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Returns the converter of a field's values.
     *
     * @param type the field's generic type
     * @param where the field, named for messages
     */
    static Converter<?, ?> of(Type type, String where) {
        return new JacksonConverter(Mapper.MAPPER.getTypeFactory().constructType(type), where);
    }

    @Override
    public String toDatabase(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "Jackson could not write " + where + " (" + type.toCanonical() + ") as JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    @Override
    public Object fromDatabase(String value) {
        try {
            Object read = reader.readValue(value);
            if (read == null) {
                throw new IllegalArgumentException("the JSON of " + where + " is the JSON null, which Sluice reads only"
                        + " as SQL NULL: store NULL for a missing value");
            }
            return read;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "Jackson could not read the JSON of " + where + " as " + type.toCanonical() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /** The mapper, made when the first converter is. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .findAndAddModules()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }
}
