package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.test.StepVerifier;

/** JSON columns bind and read back their document on every database; {@code SQL.jsonText} reads inside it where it can. */
final class JsonIntegrationTests {

    static final Table DOCS = Table.builder("json_docs")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .column("doc", SqlType.JSON)
            .build();
    static final Metadata METADATA = Metadata.of(DOCS);
    static final Column<Long> ID = DOCS.column("id", Long.class);
    static final Column<String> DOC = DOCS.column("doc", String.class);

    /** Keys in the order PostgreSQL's jsonb keeps them (shorter first), so that only spacing differs between databases. */
    static final String ED =
            "{\"n\": 3, \"items\": [{\"sku\": \"a1\"}, {\"sku\": \"b2\"}], \"customer\": {\"name\": \"Ed\"}}";

    static final String WENDY = "{\"n\": 4, \"items\": [], \"customer\": {\"name\": \"Wendy\"}}";

    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void dropTables() {
        Schemas.drop(engine, METADATA);
    }

    private void insertDocuments() {
        engine.execute(SQL.insertInto(DOCS)
                        .columns(ID, DOC)
                        .rows(List.of(List.of(1L, ED), List.of(2L, WENDY), Arrays.asList(3L, null))))
                .block(Duration.ofSeconds(30));
    }

    private static String compact(String json) {
        return json.replace(" ", "");
    }

    @DatabaseTest
    void shouldRoundTripJsonDocumentsAndNull(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        insertDocuments();

        List<String> docs = engine.query(SQL.select(DOC).from(DOCS).orderBy(ID.asc()))
                .map(row -> row.get(0) == null ? "null" : compact((String) row.get(0)))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(docs).containsExactly(compact(ED), compact(WENDY), "null");
    }

    @DatabaseTest
    void shouldStoreAnObjectNotAStringWhenJsonTextIsBound(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        insertDocuments();

        // the document read back starts with '{': it was stored as an object, not as one JSON string
        engine.query(SQL.select(DOC).from(DOCS).where(ID.eq(2L)))
                .map(row -> (String) row.get(0))
                .as(StepVerifier::create)
                .assertNext(doc -> assertThat(doc).startsWith("{"))
                .verifyComplete();
    }

    @DatabaseTest
    void shouldFilterAndProjectByJsonTextOrFailOnH2(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        insertDocuments();

        var byName = SQL.select(ID)
                .from(DOCS)
                .where(SQL.jsonText(DOC, "customer", "name").eq("Wendy"));
        var skus = SQL.select(ID, SQL.jsonText(DOC, "items", "1", "sku").as("sku"), SQL.jsonText(DOC, "missing"))
                .from(DOCS)
                .orderBy(ID.asc());
        if (database == TestDatabase.H2) {
            engine.query(byName)
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(UnsupportedOperationException.class)
                            .hasMessageContaining("not supported on H2")
                            .hasMessageContaining("read the value in Java"))
                    .verify();
            return;
        }

        engine.query(byName)
                .map(row -> row.get(0))
                .as(StepVerifier::create)
                .expectNext(2L)
                .verifyComplete();
        engine.query(skus)
                .map(row -> Arrays.asList(row.get(0), row.get(1), row.get(2)))
                .as(StepVerifier::create)
                .expectNext(Arrays.asList(1L, "b2", null))
                .expectNext(Arrays.asList(2L, null, null))
                .expectNext(Arrays.asList(3L, null, null))
                .verifyComplete();
    }

    @DatabaseTest
    void shouldSendJsonPathsAsBindParameters(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        insertDocuments();
        if (database == TestDatabase.H2) {
            return;
        }
        String hostile = "name') OR 1=1 --";

        engine.query(SQL.select(ID)
                        .from(DOCS)
                        .where(SQL.jsonText(DOC, "customer", hostile).isNotNull()))
                .as(StepVerifier::create)
                .verifyComplete();
    }
}
