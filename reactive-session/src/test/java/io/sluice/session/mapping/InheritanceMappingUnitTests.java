package io.sluice.session.mapping;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong single-table and joined-table hierarchies refused at Mapping.of, naming the classes and the fix. */
final class InheritanceMappingUnitTests {

    @Entity(table = "inh_clash")
    @Inheritance(subclasses = {ClashOne.class, ClashTwo.class})
    static class ClashRoot {
        @Id
        Long id;
    }

    @Entity
    @DiscriminatorValue("same")
    static class ClashOne extends ClashRoot {}

    @Entity
    @DiscriminatorValue("same")
    static class ClashTwo extends ClashRoot {}

    @Entity(table = "inh_unlisted")
    @Inheritance(subclasses = Listed.class)
    static class UnlistedRoot {
        @Id
        Long id;
    }

    @Entity
    static class Listed extends UnlistedRoot {}

    @Entity
    static class Unlisted extends UnlistedRoot {}

    @Entity(table = "inh_stranger")
    @Inheritance(subclasses = Stranger.class)
    static class StrangerRoot {
        @Id
        Long id;
    }

    @Entity(table = "inh_stranger_other")
    static class Stranger {
        @Id
        Long id;
    }

    @Entity(table = "inh_none")
    @Inheritance
    static class NoSubclasses {
        @Id
        Long id;
    }

    @Entity(table = "inh_own_table")
    @Inheritance(subclasses = OwnTable.class)
    static class OwnTableRoot {
        @Id
        Long id;
    }

    @Entity(table = "elsewhere")
    static class OwnTable extends OwnTableRoot {}

    @Entity(table = "inh_column")
    @Inheritance(discriminator = "kind", subclasses = ColumnSub.class)
    static class ColumnRoot {
        @Id
        Long id;

        String kind;
    }

    @Entity
    static class ColumnSub extends ColumnRoot {}

    @Entity(table = "jt_no_table")
    @Inheritance(strategy = Inheritance.Strategy.JOINED, subclasses = NoTable.class)
    static class NoTableRoot {
        @Id
        Long id;
    }

    @Entity
    static class NoTable extends NoTableRoot {}

    @Entity(table = "jt_shared")
    @Inheritance(strategy = Inheritance.Strategy.JOINED, subclasses = SharedTable.class)
    static class SharedTableRoot {
        @Id
        Long id;
    }

    @Entity(table = "jt_shared")
    static class SharedTable extends SharedTableRoot {}

    @Entity(table = "jt_between")
    @Inheritance(strategy = Inheritance.Strategy.JOINED, subclasses = BelowUnmapped.class)
    static class BetweenRoot {
        @Id
        Long id;
    }

    abstract static class Unmapped extends BetweenRoot {
        String note;
    }

    @Entity(table = "jt_below")
    static class BelowUnmapped extends Unmapped {}

    static Stream<Arguments> wrongHierarchies() {
        return Stream.of(
                Arguments.of(ClashRoot.class, "both have discriminator value 'same'"),
                Arguments.of(Unlisted.class, "is not listed in its subclasses: add it to @Inheritance(subclasses"),
                Arguments.of(StrangerRoot.class, "does not extend StrangerRoot: list only subclasses"),
                Arguments.of(NoSubclasses.class, "names no subclasses: list them in @Inheritance(subclasses"),
                Arguments.of(OwnTable.class, "names table elsewhere: remove the table from its @Entity"),
                Arguments.of(ColumnRoot.class, "which is the discriminator of ColumnRoot's hierarchy"),
                Arguments.of(
                        NoTable.class,
                        "joined-table hierarchy but names no table: give it its own, as in"
                                + " @Entity(table = \"no_table\")"),
                Arguments.of(
                        SharedTable.class, "both name table jt_shared in SharedTableRoot's joined-table hierarchy"),
                Arguments.of(
                        BetweenRoot.class,
                        "Unmapped.note is declared on Unmapped, which has no table in"
                                + " BetweenRoot's joined-table hierarchy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongHierarchies")
    void shouldRefuseAWrongHierarchyNamingTheFix(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }
}
