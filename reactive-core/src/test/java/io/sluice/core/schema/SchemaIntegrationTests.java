package io.sluice.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.sluice.core.Engine;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.ReferentialAction;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Sequence;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.test.StepVerifier;

/** DDL runs in foreign-key order on every database and the constraints it declares hold. */
final class SchemaIntegrationTests {

    static final Table PARENTS = Table.builder("schema_parents")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("code", SqlType.varchar(10))
            .notNull()
            .unique()
            .column("status", SqlType.varchar(10))
            .notNull()
            .defaultValue("new")
            .column("score", SqlType.INTEGER)
            .defaultValue(7)
            .build();
    static final Table CHILDREN = Table.builder("schema_children")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("parent_id", SqlType.INTEGER)
            .references("schema_parents", "id", ReferentialAction.CASCADE)
            .column("tag", SqlType.varchar(10))
            .index(new io.sluice.core.sql.Index("ux_schema_children_tag", List.of("tag"), true))
            .build();
    static final Table LINKS = Table.builder("schema_links")
            .column("child_id", SqlType.INTEGER)
            .references("schema_children", "id", ReferentialAction.SET_NULL)
            .column("parent_id", SqlType.INTEGER)
            .notNull()
            .references("schema_parents", "id")
            .build();
    static final Metadata METADATA = Metadata.of(LINKS, CHILDREN, PARENTS);

    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void dropTables() {
        Schemas.drop(engine, METADATA);
    }

    private long count(Table table) {
        return engine.query(SQL.select(SQL.count()).from(table))
                .map(row -> row.get(0, Long.class))
                .blockFirst(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldCreateInForeignKeyOrderAndSkipWhatExistsWhenAsked(TestDatabase database) {
        engine = database.engine();
        Schemas.drop(engine, METADATA);
        METADATA.createAll(engine).as(StepVerifier::create).verifyComplete();
        METADATA.createAll(engine, true).as(StepVerifier::create).verifyComplete();
        METADATA.createAll(engine)
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(R2dbcException.class)
                        .hasMessageContaining("[SQL: CREATE TABLE schema_parents"))
                .verify(Duration.ofSeconds(10));
        METADATA.dropAll(engine).as(StepVerifier::create).verifyComplete();
        METADATA.dropAll(engine, true).as(StepVerifier::create).verifyComplete();
        METADATA.dropAll(engine)
                .as(StepVerifier::create)
                .expectError(R2dbcException.class)
                .verify(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldEnforceTheDeclaredConstraints(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        Column<Integer> parentId = PARENTS.column("id", Integer.class);
        Column<String> code = PARENTS.column("code", String.class);
        engine.execute(SQL.insertInto(PARENTS).columns(parentId, code).values(1, "a"))
                .block();
        assertThat(engine.query(SQL.select(PARENTS.column("status"), PARENTS.column("score")))
                        .blockFirst()
                        .values())
                .containsExactly("new", 7);

        engine.execute(SQL.insertInto(PARENTS).columns(parentId, code).values(2, "a"))
                .as(StepVerifier::create)
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(Duration.ofSeconds(10));
        engine.execute(SQL.insertInto(PARENTS).columns(parentId, code).values(3, null))
                .as(StepVerifier::create)
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(Duration.ofSeconds(10));

        Column<Integer> childId = CHILDREN.column("id", Integer.class);
        Column<Integer> childParent = CHILDREN.column("parent_id", Integer.class);
        Column<String> tag = CHILDREN.column("tag", String.class);
        engine.execute(SQL.insertInto(CHILDREN)
                        .columns(childId, childParent, tag)
                        .rows(List.of(List.of(10, 1, "x"), List.of(11, 1, "y"))))
                .block();
        engine.execute(SQL.insertInto(CHILDREN)
                        .columns(childId, childParent, tag)
                        .values(12, 99, "z"))
                .as(StepVerifier::create)
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(Duration.ofSeconds(10));
        engine.execute(SQL.insertInto(CHILDREN)
                        .columns(childId, childParent, tag)
                        .values(13, 1, "x"))
                .as(StepVerifier::create)
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(Duration.ofSeconds(10));

        Column<Integer> linkChild = LINKS.column("child_id", Integer.class);
        Column<Integer> linkParent = LINKS.column("parent_id", Integer.class);
        engine.execute(SQL.insertInto(LINKS).columns(linkChild, linkParent).values(10, 1))
                .block();
        engine.execute(SQL.deleteFrom(CHILDREN).where(childId.eq(10))).block();
        assertThat(engine.query(SQL.select(linkChild)).blockFirst().get(0)).isNull();

        engine.execute(SQL.deleteFrom(LINKS)).block();
        engine.execute(SQL.deleteFrom(PARENTS).where(parentId.eq(1))).block();
        assertThat(count(CHILDREN)).isZero();
    }

    @DatabaseTest
    void shouldCreateSequencesAndTakeTheirValuesInBlocks(TestDatabase database) {
        // not the field, which @AfterEach uses to drop the other tests' tables: those are left alone
        Engine engine = database.engine();
        Sequence sequence = Sequence.of("seq_schema_blocks", 50);
        Table rows = Table.builder("seq_schema_rows")
                .column("id", SqlType.BIGINT)
                .primaryKey()
                .build();
        Metadata metadata = Metadata.of(List.of(rows), List.of(sequence));
        Schemas.drop(engine, metadata);
        try {
            metadata.createAll(engine).as(StepVerifier::create).verifyComplete();
            metadata.createAll(engine, true).as(StepVerifier::create).verifyComplete();
            engine.query(SQL.select(sequence.nextValue()), row -> row.get(0, Long.class))
                    .concatWith(engine.query(SQL.select(sequence.nextValue()), row -> row.get(0, Long.class)))
                    .as(StepVerifier::create)
                    .expectNext(1L, 51L)
                    .verifyComplete();
            metadata.dropAll(engine).as(StepVerifier::create).verifyComplete();
            metadata.dropAll(engine, true).as(StepVerifier::create).verifyComplete();
        } finally {
            Schemas.drop(engine, metadata);
        }
    }
}
