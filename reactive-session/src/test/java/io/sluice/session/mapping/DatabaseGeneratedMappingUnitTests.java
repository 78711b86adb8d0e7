package io.sluice.session.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.TableAlias;
import io.sluice.core.sql.render.SqlRenderer;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DatabaseGenerated}, {@link Formula} and {@link MappedColumn}'s {@code insertable}, {@code updatable} and
 * {@code serverDefault}: what the mapping makes of them (flags, DDL, formula SQL) and the wrong mappings it refuses.
 */
final class DatabaseGeneratedMappingUnitTests {

    @Entity(table = "line")
    static class Line {
        @Id
        @Generated
        Integer id;

        Integer quantity;
        Integer price;

        @DatabaseGenerated
        @MappedColumn(serverDefault = "CURRENT_TIMESTAMP", updatable = false)
        Instant createdAt;

        @DatabaseGenerated(on = DatabaseGenerated.Event.INSERT_AND_UPDATE, computedAs = "quantity * price")
        Integer total;

        @MappedColumn(updatable = false)
        String code;

        @MappedColumn(insertable = false, updatable = false, length = 10, serverDefault = "'n/a'")
        String note;

        @Formula("quantity*price + LENGTH('price') + \"price\" + x.price + price::int + coalesce (price, 0) + Id")
        Integer amount;
    }

    @Entity(table = "plain")
    static class Plain {
        @Id
        Integer id;

        String name;
    }

    @Test
    void shouldSayHowEachColumnIsWritten() {
        EntityModel<Line> model = EntityModel.of(Line.class);
        assertThat(model.writesEveryColumn()).isFalse();
        assertThat(EntityModel.of(Plain.class).writesEveryColumn()).isTrue();
        assertThat(model.generatedOnInsert()).extracting(Attribute::fieldName).containsExactly("createdAt", "total");
        assertThat(model.generatedOnUpdate()).extracting(Attribute::fieldName).containsExactly("total");
        assertThat(model.attributes())
                .extracting(a -> a.fieldName() + ":" + a.isInsertable() + "/" + a.isUpdatable())
                .containsExactly(
                        "id:true/true",
                        "quantity:true/true",
                        "price:true/true",
                        "createdAt:false/false",
                        "total:false/false",
                        "code:true/false",
                        "note:false/false",
                        "amount:false/false");
        assertThat(model.attribute("amount").isFormula()).isTrue();
        assertThat(model.table().columns()).extracting(c -> c.name()).doesNotContain("amount");
    }

    @Test
    void shouldWriteServerDefaultsAndComputedColumnsInDdl() {
        Mapping mapping = Mapping.of(Line.class);
        assertThat(mapping.metadata()
                        .createStatements(PostgresDialect.INSTANCE, false)
                        .get(0))
                .contains("created_at TIMESTAMP(6) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,")
                .contains("total INTEGER GENERATED ALWAYS AS (quantity * price) STORED,")
                .contains("note VARCHAR(10) DEFAULT 'n/a'")
                .doesNotContain("amount");
        assertThat(mapping.metadata()
                        .createStatements(MariaDbDialect.INSTANCE, false)
                        .get(0))
                .contains("total INT GENERATED ALWAYS AS (quantity * price) STORED,");
        assertThat(mapping.metadata()
                        .createStatements(H2Dialect.INSTANCE, false)
                        .get(0))
                .contains("total INTEGER GENERATED ALWAYS AS (quantity * price),");
    }

    @Test
    void shouldQualifyTheFormulasColumnsWithTheTableOrAlias() {
        @SuppressWarnings("unchecked")
        Attribute<Line, Integer> amount =
                (Attribute<Line, Integer>) EntityModel.of(Line.class).attribute("amount");
        String expected = "SELECT (%1$s.quantity*%1$s.price + LENGTH('price') + \"price\" + x.price + %1$s.price::int"
                + " + coalesce (%1$s.price, 0) + %1$s.id) FROM line";
        assertThat(SqlRenderer.render(SQL.select(amount), H2Dialect.INSTANCE).sql())
                .isEqualTo(expected.formatted("line"));
        TableAlias alias = EntityModel.of(Line.class).table().as("l2");
        assertThat(SqlRenderer.render(SQL.select(amount.on(alias)).from(alias), H2Dialect.INSTANCE)
                        .sql())
                .isEqualTo(expected.formatted("l2") + " AS l2");
        assertThat(SqlRenderer.render(SQL.select(amount).where(amount.on(alias).gt(3)), PostgresDialect.INSTANCE)
                        .sql())
                .endsWith("WHERE (l2.quantity*l2.price + LENGTH('price') + \"price\" + x.price + l2.price::int"
                        + " + coalesce (l2.price, 0) + l2.id) > $1");
    }

    @Entity(table = "bad")
    static class FormulaId {
        @Id
        @Formula("1")
        Integer id;
    }

    @Entity(table = "bad")
    static class EmptyFormula {
        @Id
        Integer id;

        @Formula(" ")
        Integer amount;
    }

    @Entity(table = "bad")
    static class GeneratedVersion {
        @Id
        Integer id;

        @Version
        @DatabaseGenerated(on = DatabaseGenerated.Event.INSERT_AND_UPDATE)
        Integer version;
    }

    @Entity(table = "bad")
    static class GeneratedId {
        @Id
        @DatabaseGenerated
        Integer id;
    }

    @Entity(table = "bad")
    static class ComputedOnInsert {
        @Id
        Integer id;

        Integer price;

        @DatabaseGenerated(computedAs = "price * 2")
        Integer doubled;
    }

    @Entity(table = "bad")
    static class FormulaWithColumn {
        @Id
        Integer id;

        @Formula("id * 2")
        @MappedColumn(name = "twice")
        Integer twice;
    }

    @Entity(table = "bad")
    static class ReadOnlyKey {
        @Id
        @MappedColumn(insertable = false)
        Integer id;
    }

    record Part(Integer size, @Formula("size * 2") Integer twice) {}

    @Entity(table = "bad")
    static class FormulaInEmbedded {
        @Id
        Integer id;

        @Embedded
        Part part;
    }

    static Stream<Arguments> wrongMappings() {
        return Stream.of(
                Arguments.of(FormulaId.class, "FormulaId.id is a @Formula and also an @Id"),
                Arguments.of(EmptyFormula.class, "EmptyFormula.amount has an empty @Formula: give the SQL expression"),
                Arguments.of(
                        GeneratedVersion.class,
                        "GeneratedVersion.version is @DatabaseGenerated and a @Version: Sluice counts versions"),
                Arguments.of(
                        GeneratedId.class,
                        "GeneratedId.id is @DatabaseGenerated and an @Id: a key the database makes is @Generated"),
                Arguments.of(
                        ComputedOnInsert.class,
                        "ComputedOnInsert.doubled is computed as (price * 2) but generated on INSERT only"),
                Arguments.of(FormulaWithColumn.class, "FormulaWithColumn.twice is a @Formula with @MappedColumn"),
                Arguments.of(ReadOnlyKey.class, "ReadOnlyKey.id is an @Id with @MappedColumn(insertable = false)"),
                Arguments.of(FormulaInEmbedded.class, "FormulaInEmbedded.part.twice is a @Formula inside an embedded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMappings")
    void shouldRefuseWrongMappingsNamingTheFieldAndTheFix(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }
}
