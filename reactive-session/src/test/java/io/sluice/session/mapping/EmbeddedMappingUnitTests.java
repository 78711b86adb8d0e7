package io.sluice.session.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Embedded values in the mapping: their columns and attributes, and wrong embeddings refused with the fix. */
final class EmbeddedMappingUnitTests {

    record Point(Integer x, Integer y) {}

    static class NoConstructorValue {
        Integer x;

        NoConstructorValue(Integer x) {
            this.x = x;
        }
    }

    static class FinalPart {
        final Integer x = 0;
    }

    static class KeyInside {
        @Id
        Integer x;
    }

    static class Empty {}

    static class Recursive {
        Integer x;

        @Embedded
        Recursive inner;
    }

    @Entity(table = "emb_target")
    static class Target {
        @Id
        Long id;
    }

    @Entity(table = "emb_no_constructor")
    static class EmbedsNoConstructor {
        @Id
        Long id;

        @Embedded
        NoConstructorValue value;
    }

    @Entity(table = "emb_final_part")
    static class EmbedsFinalPart {
        @Id
        Long id;

        @Embedded
        FinalPart value;
    }

    @Entity(table = "emb_key_inside")
    static class EmbedsKey {
        @Id
        Long id;

        @Embedded
        KeyInside value;
    }

    @Entity(table = "emb_empty")
    static class EmbedsEmpty {
        @Id
        Long id;

        @Embedded
        Empty value;
    }

    @Entity(table = "emb_recursive")
    static class EmbedsRecursive {
        @Id
        Long id;

        @Embedded
        Recursive value;
    }

    @Entity(table = "emb_entity")
    static class EmbedsEntity {
        @Id
        Long id;

        @Embedded
        Target value;
    }

    @Entity(table = "emb_string")
    static class EmbedsString {
        @Id
        Long id;

        @Embedded
        String value;
    }

    @Entity(table = "emb_clash")
    static class ColumnClash {
        @Id
        Long id;

        @Embedded(prefix = "")
        Point from;

        @Embedded(prefix = "")
        Point to;
    }

    @Entity(table = "emb_as_id")
    static class EmbeddedKey {
        @Id
        @Embedded
        Point id;
    }

    @Entity(table = "emb_points")
    static class Segment {
        @Id
        Long id;

        @Embedded
        Point start;

        @Embedded(prefix = "end_")
        @MappedColumn
        Point finish;
    }

    static Stream<Arguments> wrongEmbeddings() {
        return Stream.of(
                Arguments.of(
                        EmbedsNoConstructor.class, "has no no-argument constructor: add one (it may be private), or"),
                Arguments.of(EmbedsFinalPart.class, "EmbedsFinalPart.value.x is final"),
                Arguments.of(EmbedsKey.class, "is a key, version or relationship inside embedded KeyInside"),
                Arguments.of(EmbedsEmpty.class, "which has no fields to map"),
                Arguments.of(EmbedsRecursive.class, "embeds Recursive inside itself"),
                Arguments.of(EmbedsEntity.class, "which is an @Entity: relate to it with @ManyToOne"),
                Arguments.of(EmbedsString.class, "embed a record or a concrete class of your own"),
                Arguments.of(ColumnClash.class, "ColumnClash.to.x maps to column x, which another field"),
                Arguments.of(EmbeddedKey.class, "is @Embedded and cannot also be @Id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongEmbeddings")
    void shouldRefuseAWrongEmbeddingNamingTheFix(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldMapEachPartToAPrefixedColumnWithAPathAttribute() {
        EntityModel<Segment> model = Mapping.of(Segment.class).entity(Segment.class);
        assertThat(model.attributes().stream().map(Attribute::fieldName))
                .containsExactly("id", "start.x", "start.y", "finish.x", "finish.y");
        assertThat(model.attributes().stream().map(Attribute::name))
                .containsExactly("id", "start_x", "start_y", "end_x", "end_y");
        assertThat(model.attribute("finish.y").isEmbedded()).isTrue();
        assertThat(model.attribute("finish.y").toString()).isEqualTo("Segment.finish.y");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSetOnePartOfARecordByMakingItAgain() {
        EntityModel<Segment> model = Mapping.of(Segment.class).entity(Segment.class);
        Segment segment = new Segment();
        Attribute<Segment, Integer> startY = (Attribute<Segment, Integer>) model.attribute("start.y");
        startY.set(segment, 4);
        assertThat(segment.start).isEqualTo(new Point(null, 4));
        ((Attribute<Segment, Integer>) model.attribute("start.x")).set(segment, 3);
        assertThat(segment.start).isEqualTo(new Point(3, 4));
        assertThat(startY.get(segment)).isEqualTo(4);
        assertThat(model.attribute("finish.x").get(segment)).isNull();

        model.setStates(segment, new Object[] {1L, null, null, 5, 6});
        assertThat(segment.start).isNull();
        assertThat(segment.finish).isEqualTo(new Point(5, 6));
    }
}
