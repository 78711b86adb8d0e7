package io.sluice.session.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.sql.SqlType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class MappingUnitTests {

    static class NotAnnotated {
        @Id
        Long id;
    }

    @Entity(table = "no_id")
    static class NoId {
        String name;
    }

    @Entity(table = "no_constructor")
    static class NoConstructor {
        @Id
        Long id;

        NoConstructor(Long id) {
            this.id = id;
        }
    }

    @Entity(table = "unsupported")
    static class Unsupported {
        @Id
        Long id;

        Map<String, String> settings;
    }

    @Entity(table = "shared")
    static class SharedOne {
        @Id
        Long id;
    }

    @Entity(table = "shared")
    static class SharedTwo {
        @Id
        Long id;
    }

    @Entity(table = "final_field")
    static class FinalField {
        @Id
        Long id;

        final String name = "fixed";
    }

    @Entity(table = "generated_text")
    static class GeneratedText {
        @Id
        @Generated
        String id;
    }

    @Entity(table = "version_text")
    static class VersionText {
        @Id
        Long id;

        @Version
        String version;
    }

    @Entity(table = "two_versions")
    static class TwoVersions {
        @Id
        Long id;

        @Version
        Long one;

        @Version
        Long two;
    }

    @Entity(table = "bad_scale")
    static class BadScale {
        @Id
        Long id;

        @MappedColumn(precision = 4, scale = 6)
        java.math.BigDecimal amount;
    }

    @Entity(table = "")
    static class BlankTable {
        @Id
        Long id;
    }

    @Entity(table = "abstract_entity")
    abstract static class AbstractEntity {
        @Id
        Long id;
    }

    @Entity(table = "primitive_generated")
    static class PrimitiveGenerated {
        @Id
        @Generated
        long id;
    }

    @Entity(table = "good")
    static class Good {
        @Id
        @Generated
        private Long id;

        @MappedColumn(name = "display_name", length = 40, nullable = false, unique = true)
        private String name;

        private String emailAddress;

        private int loginCount;

        @Transient
        private Object cache;

        private static String constant = "ignored";

        private Good() {}
    }

    @Entity(table = "refusing")
    static class Refusing {
        @Id
        private Long id;

        private Refusing() {
            throw new UnsupportedOperationException("not now");
        }
    }

    @org.junit.jupiter.api.Test
    void shouldCreateObjectsThroughAPrivateNoArgumentConstructor() {
        EntityModel<Good> model = EntityModel.of(Good.class);

        Good first = io.sluice.session.internal.EntityRows.of(model).newInstance();
        Good second = io.sluice.session.internal.EntityRows.of(model).newInstance();

        assertThat(first).isNotNull().isNotSameAs(second);
        assertThat(first.loginCount).isZero();
    }

    @org.junit.jupiter.api.Test
    void shouldReportAConstructorThatFailsNamingTheClass() {
        EntityModel<Refusing> model = EntityModel.of(Refusing.class);

        assertThatThrownBy(io.sluice.session.internal.EntityRows.of(model)::newInstance)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "could not create a " + Refusing.class.getName() + " with its no-argument constructor")
                .hasRootCauseMessage("not now");
    }

    static Stream<Arguments> wrongMappings() {
        return Stream.of(
                Arguments.of(NotAnnotated.class, "is not mapped: annotate it with @Entity"),
                Arguments.of(NoId.class, "has no @Id field: annotate its primary-key field with @Id"),
                Arguments.of(NoConstructor.class, "has no no-argument constructor: add one (it may be private)"),
                Arguments.of(
                        Unsupported.class, "Unsupported.settings has type java.util.Map, which Sluice cannot store"),
                Arguments.of(FinalField.class, "FinalField.name is final, but Sluice must write it"),
                Arguments.of(GeneratedText.class, "GeneratedText.id is @Generated but not an integer"),
                Arguments.of(VersionText.class, "VersionText.version is @Version but of type String"),
                Arguments.of(TwoVersions.class, "has more than one @Version field"),
                Arguments.of(BadScale.class, "BadScale.amount has scale 6 above its precision 4"),
                Arguments.of(BlankTable.class, "has a blank @Entity table"),
                Arguments.of(AbstractEntity.class, "must be a concrete, mutable class"),
                Arguments.of(PrimitiveGenerated.class, "is a primitive generated key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMappings")
    void shouldRefuseAWrongMappingNamingTheFix(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMappings")
    void shouldRefuseItAgainOnEveryAttempt(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseTwoClassesOnOneTable() {
        assertThatThrownBy(() -> Mapping.of(SharedOne.class, SharedTwo.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("are both mapped to table shared");
    }

    @org.junit.jupiter.api.Test
    void shouldMapFieldsToSnakeCaseColumnsWithTheirOptions() {
        Mapping mapping = Mapping.of(Good.class);
        EntityModel<Good> model = mapping.entity(Good.class);
        assertThat(model.table().columns())
                .extracting(c -> c.name() + " " + c.type() + (c.isNullable() ? "" : " NOT NULL"))
                .containsExactly(
                        "id BIGINT NOT NULL",
                        "display_name VARCHAR(40) NOT NULL",
                        "email_address VARCHAR",
                        "login_count INTEGER");
        assertThat(model.table().uniqueConstraints()).containsExactly(List.of("display_name"));
        assertThat(model.attribute("id").isGenerated()).isTrue();
        assertThat(model.table().column("id").isAutoIncrement()).isTrue();
        assertThat(model.attribute("name").type()).isEqualTo(SqlType.varchar(40));
        Good good = io.sluice.session.internal.EntityRows.of(model).newInstance();
        Attribute<Good, Object> loginCount =
                (Attribute<Good, Object>) (Attribute<Good, ?>) model.attribute("loginCount");
        loginCount.set(good, 3);
        assertThat(loginCount.get(good)).isEqualTo(3);
        assertThatThrownBy(() -> loginCount.set(good, null))
                .hasMessageContaining("is a primitive field and cannot hold NULL");
        assertThat(EntityModelBuilder.snakeCase("emailAddress")).isEqualTo("email_address");
        assertThat(EntityModelBuilder.snakeCase("userID2x")).isEqualTo("user_id2x");
    }
}
