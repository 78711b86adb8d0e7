package io.sluice.session.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.sql.Converter;
import io.sluice.core.sql.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The column types of JSON, list and array fields, and the mapping errors that name their fix. */
final class ColumnTypesUnitTests {

    static class Payload {
        public String name;
        public int size;
    }

    @Entity(table = "json_shapes")
    static class Shapes {
        @Id
        Long id;

        @Json
        String raw;

        @Json
        Payload payload;

        @Json
        Map<String, Object> attributes;

        @Json
        List<Payload> payloads;

        List<String> tags;
        List<Integer> scores;
        UUID[] refs;
    }

    @Entity(table = "json_enumerated")
    static class JsonEnumerated {
        @Id
        Long id;

        @Json
        @Enumerated(Enumerated.EnumStorage.ORDINAL)
        Thread.State state;
    }

    /** A converter that writes a number as JSON text. */
    static final class NumberAsJson implements Converter<Integer, String> {
        @Override
        public String toDatabase(Integer value) {
            return "{\"n\":" + value + "}";
        }

        @Override
        public Integer fromDatabase(String value) {
            return Integer.valueOf(value.replaceAll("[^0-9]", ""));
        }
    }

    /** A converter that stores a number as a number. */
    static final class NumberAsLong implements Converter<Integer, Long> {
        @Override
        public Long toDatabase(Integer value) {
            return value.longValue();
        }

        @Override
        public Integer fromDatabase(Long value) {
            return value.intValue();
        }
    }

    @Entity(table = "json_converted")
    static class JsonConverted {
        @Id
        Long id;

        @Json
        @Convert(NumberAsJson.class)
        Integer number;
    }

    @Entity(table = "json_not_text")
    static class JsonConvertedNotText {
        @Id
        Long id;

        @Json
        @Convert(NumberAsLong.class)
        Integer number;
    }

    @Entity(table = "arr_raw")
    static class RawList {
        @Id
        Long id;

        @SuppressWarnings("rawtypes")
        List values;
    }

    @Entity(table = "arr_objects")
    static class ObjectList {
        @Id
        Long id;

        List<Payload> payloads;
    }

    @Entity(table = "arr_primitive")
    static class PrimitiveArray {
        @Id
        Long id;

        int[] values;
    }

    @Test
    void shouldStoreJsonFieldsInJsonColumnsAndListsAndArraysInArrayColumns() {
        EntityModel<Shapes> model = Mapping.of(Shapes.class).entity(Shapes.class);

        assertThat(model.attribute("raw").type()).isEqualTo(SqlType.JSON);
        assertThat(model.attribute("payload").type().storage()).isEqualTo(SqlType.JSON);
        assertThat(model.attribute("payload").type().javaType()).isEqualTo(Payload.class);
        assertThat(model.attribute("attributes").type().storage()).isEqualTo(SqlType.JSON);
        assertThat(model.attribute("tags").type().storage()).isEqualTo(SqlType.array(SqlType.TEXT));
        assertThat(model.attribute("tags").type().javaType()).isEqualTo(List.class);
        assertThat(model.attribute("scores").type().storage()).isEqualTo(SqlType.array(SqlType.INTEGER));
        assertThat(model.attribute("refs").type().storage()).isEqualTo(SqlType.array(SqlType.UUID_TYPE));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteJsonWithJacksonByTheGenericTypeAndReadItBack() {
        EntityModel<Shapes> model = Mapping.of(Shapes.class).entity(Shapes.class);
        Shapes shapes = new Shapes();
        Payload payload = new Payload();
        payload.name = "box";
        payload.size = 3;
        shapes.payloads = new ArrayList<>(List.of(payload));
        shapes.attributes = Map.of("b", 2, "a", List.of("x"));
        Attribute<Shapes, ?> payloads = model.attribute("payloads");
        Attribute<Shapes, ?> attributes = model.attribute("attributes");

        assertThat(payloads.state(shapes)).isEqualTo("[{\"name\":\"box\",\"size\":3}]");
        assertThat(attributes.state(shapes)).as("map keys sorted").isEqualTo("{\"a\":[\"x\"],\"b\":2}");
        Shapes read = new Shapes();
        payloads.setState(read, "[{\"name\":\"bag\",\"size\":1}]");
        assertThat(read.payloads).singleElement().isInstanceOf(Payload.class);
        assertThat(((List<Payload>) read.payloads).get(0).name).isEqualTo("bag");
        assertThatThrownBy(() -> payloads.setState(read, "{\"not\": \"a list\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Jackson could not read the JSON of Shapes.payloads as java.util.List<");
    }

    @Test
    void shouldReadListsBackAsArrayListsAndKeepArraySnapshotsApart() {
        EntityModel<Shapes> model = Mapping.of(Shapes.class).entity(Shapes.class);
        Shapes shapes = new Shapes();
        model.attribute("tags").setState(shapes, new String[] {"a", "b"});
        shapes.tags.add("c");
        assertThat(model.attribute("tags").state(shapes)).isEqualTo(new String[] {"a", "b", "c"});
        UUID[] refs = {UUID.randomUUID()};
        shapes.refs = refs;
        assertThat(model.attribute("refs").state(shapes)).isEqualTo(refs).isNotSameAs(refs);
    }

    @Test
    void shouldLetAConverterWriteTheJsonTextOfAJsonField() {
        EntityModel<JsonConverted> model = Mapping.of(JsonConverted.class).entity(JsonConverted.class);

        assertThat(model.attribute("number").type().storage()).isEqualTo(SqlType.JSON);
    }

    static Stream<Arguments> wrongMappings() {
        return Stream.of(
                Arguments.of(JsonEnumerated.class, "JsonEnumerated.state has both @Json and @Enumerated"),
                Arguments.of(
                        JsonConvertedNotText.class,
                        "JsonConvertedNotText.number is @Json with converter " + NumberAsLong.class.getName()
                                + ", which stores Long"),
                Arguments.of(RawList.class, "RawList.values is a List of unnamed elements"),
                Arguments.of(
                        ObjectList.class, "ObjectList.payloads holds Payload elements, which an array column cannot"),
                Arguments.of(
                        PrimitiveArray.class,
                        "PrimitiveArray.values is an array of int, which Sluice cannot store: use"
                                + " Integer[] or List<Integer>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMappings")
    void shouldRefuseAWrongJsonOrArrayMappingNamingTheFix(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }
}
