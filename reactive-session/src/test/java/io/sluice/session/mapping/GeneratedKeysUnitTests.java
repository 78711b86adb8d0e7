package io.sluice.session.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.sql.Sequence;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strategies of {@link Generated} keys, checked when a class is mapped. */
final class GeneratedKeysUnitTests {

    @Entity(table = "seq_things")
    static class SequenceThing {
        @Id
        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_things_ids", allocationSize = 20)
        Long id;
    }

    @Entity(table = "seq_other_things")
    static class OtherSequenceThing {
        @Id
        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_things_ids", allocationSize = 20)
        Integer id;
    }

    @Entity(table = "uuid_things")
    static class UuidThing {
        @Id
        @Generated(strategy = Generated.Strategy.UUID)
        UUID id;
    }

    @Entity(table = "seq_text")
    static class SequenceText {
        @Id
        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_text_ids")
        String id;
    }

    @Entity(table = "uuid_long")
    static class UuidLong {
        @Id
        @Generated(strategy = Generated.Strategy.UUID)
        Long id;
    }

    @Entity(table = "seq_zero")
    static class ZeroAllocation {
        @Id
        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_zero_ids", allocationSize = 0)
        Long id;
    }

    @Entity(table = "seq_blank")
    static class BlankSequence {
        @Id
        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = " ")
        Long id;
    }

    @Entity(table = "seq_identity_named")
    static class IdentityWithSequence {
        @Id
        @Generated(sequence = "seq_identity_ids")
        Long id;
    }

    @Entity(table = "seq_not_id")
    static class SequenceNotId {
        @Id
        Long id;

        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_not_id_ids")
        Long number;
    }

    @Entity(table = "seq_primitive")
    static class PrimitiveSequence {
        @Id
        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_primitive_ids")
        long id;
    }

    @Entity(table = "seq_wider")
    static class WiderAllocation {
        @Id
        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_things_ids", allocationSize = 50)
        Long id;
    }

    @Entity(table = "seq_named_like_table")
    static class NamedLikeTable {
        @Id
        @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_things")
        Long id;
    }

    static Stream<Arguments> wrongKeys() {
        return Stream.of(
                Arguments.of(
                        SequenceText.class,
                        "SequenceText.id is @Generated(strategy = SEQUENCE) but of type String: sequence keys are Integer"
                                + " or Long fields"),
                Arguments.of(
                        UuidLong.class,
                        "UuidLong.id is @Generated(strategy = UUID) but of type Long: declare it as java.util.UUID"),
                Arguments.of(
                        ZeroAllocation.class,
                        "ZeroAllocation.id has allocationSize 0: a sequence hands out at least 1 key per value"),
                Arguments.of(
                        BlankSequence.class,
                        "BlankSequence.id is @Generated(strategy = SEQUENCE) without a sequence name: name it"),
                Arguments.of(
                        IdentityWithSequence.class,
                        "IdentityWithSequence.id names sequence 'seq_identity_ids' but its strategy is IDENTITY: add"
                                + " strategy = Generated.Strategy.SEQUENCE"),
                Arguments.of(
                        SequenceNotId.class, "SequenceNotId.number is @Generated(strategy = SEQUENCE) but not an @Id"),
                Arguments.of(PrimitiveSequence.class, "PrimitiveSequence.id is a primitive generated key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongKeys")
    void shouldRefuseAStrategyThatDoesNotFitTheField(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseOneSequenceWithTwoAllocationSizes() {
        assertThatThrownBy(() -> Mapping.of(SequenceThing.class, WiderAllocation.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("SequenceThing.id and WiderAllocation.id share sequence seq_things_ids with"
                        + " different allocation sizes (20 and 50): give both the same allocationSize");
    }

    @Test
    void shouldRefuseASequenceNamedLikeATable() {
        assertThatThrownBy(() -> Mapping.of(SequenceThing.class, NamedLikeTable.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(
                        "NamedLikeTable.id takes its keys from sequence seq_things, which is also the name"
                                + " of a table");
    }

    @Test
    void shouldCreateEachSequenceOnceBeforeTheTablesWithoutIdentityColumns() {
        Mapping mapping = Mapping.of(SequenceThing.class, OtherSequenceThing.class, UuidThing.class);

        assertThat(mapping.metadata().sequences()).containsExactly(new Sequence("seq_things_ids", 1, 20));
        assertThat(mapping.metadata().createStatements(H2Dialect.INSTANCE, false))
                .containsExactly(
                        "CREATE SEQUENCE seq_things_ids START WITH 1 INCREMENT BY 20",
                        "CREATE TABLE seq_things (id BIGINT NOT NULL, PRIMARY KEY (id))",
                        "CREATE TABLE seq_other_things (id INTEGER NOT NULL, PRIMARY KEY (id))",
                        "CREATE TABLE uuid_things (id UUID NOT NULL, PRIMARY KEY (id))");
        Attribute<?, ?> id = mapping.entity(SequenceThing.class).ids().get(0);
        assertThat(id.isGenerated()).isTrue();
        assertThat(id.generation()).isEqualTo(Generated.Strategy.SEQUENCE);
        assertThat(id.sequence()).isEqualTo(Sequence.of("seq_things_ids", 20));
        Attribute<?, ?> uuid = mapping.entity(UuidThing.class).ids().get(0);
        assertThat(uuid.generation()).isEqualTo(Generated.Strategy.UUID);
        assertThat(uuid.sequence()).isNull();
    }
}
