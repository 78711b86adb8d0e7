package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.session.JsonRecord.Item;
import io.sluice.session.JsonRecord.Payload;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * {@code @Json} fields through the session on every database: written, read back, and written again only when they changed,
 * a mutable object changed in place included.
 */
final class JsonMappingIntegrationTests {

    static final Mapping MAPPING = Mapping.of(JsonRecord.class);
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The table as plain JSON columns, to read the text the database holds. */
    static final Table TEXT = Table.builder("json_records")
            .column("id", SqlType.BIGINT)
            .column("payload", SqlType.JSON)
            .column("attributes", SqlType.JSON)
            .column("items", SqlType.JSON)
            .build();

    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();

    private void createTable(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = database.newEngine(builder -> builder.listener(sql));
        sessions = SessionFactory.of(recorded, MAPPING);
    }

    @AfterEach
    void dropTable() {
        if (recorded != null) {
            recorded.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private void insertRecords() {
        JsonRecord first = new JsonRecord(1L);
        first.raw = "{\"a\": 1}";
        first.payload = new Payload("Ed", 2);
        first.payload.notes.add("fragile");
        first.attributes = new LinkedHashMap<>(Map.of("colour", "red", "sizes", List.of(1, 2)));
        first.items = new ArrayList<>(List.of(new Item("a1", 1)));
        JsonRecord empty = new JsonRecord(2L);
        sessions.inTransaction(session -> {
                    session.add(first);
                    session.add(empty);
                    return session.flush();
                })
                .blockLast(TIMEOUT);
    }

    private List<String> updates() {
        return sql.events().stream().filter(event -> event.startsWith("UPDATE")).toList();
    }

    private String stored(String column) {
        Column<String> json = TEXT.column(column, String.class);
        return engine.query(SQL.select(json)
                        .from(TEXT)
                        .where(TEXT.column("id", Long.class).eq(1L)))
                .map(row -> (String) row.get(0))
                .blockFirst(TIMEOUT);
    }

    @DatabaseTest
    void shouldWriteAndReadJsonFieldsOfEveryShape(TestDatabase database) {
        createTable(database);
        insertRecords();

        Session session = sessions.open();
        try {
            JsonRecord first = session.get(JsonRecord.class, 1L).block(TIMEOUT);
            assertThat(first.raw.replace(" ", "")).isEqualTo("{\"a\":1}");
            assertThat(first.payload.customer).isEqualTo("Ed");
            assertThat(first.payload.quantity).isEqualTo(2);
            assertThat(first.payload.notes).containsExactly("fragile");
            assertThat(first.attributes).isEqualTo(Map.of("colour", "red", "sizes", List.of(1, 2)));
            assertThat(first.items).containsExactly(new Item("a1", 1));
            JsonRecord empty = session.get(JsonRecord.class, 2L).block(TIMEOUT);
            assertThat(empty.raw).isNull();
            assertThat(empty.payload).isNull();
            assertThat(empty.attributes).isNull();
            assertThat(empty.items).isNull();
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    @DatabaseTest
    void shouldUpdateOnlyTheJsonColumnChangedInPlace(TestDatabase database) {
        createTable(database);
        insertRecords();

        Session session = sessions.open();
        try {
            JsonRecord first = session.get(JsonRecord.class, 1L).block(TIMEOUT);
            sql.clear();
            session.flush().block(TIMEOUT);
            assertThat(updates())
                    .as("a loaded, unchanged object is not written")
                    .isEmpty();

            first.payload.quantity = 5;
            session.flush().block(TIMEOUT);
            assertThat(updates()).hasSize(1);
            assertThat(updates().get(0))
                    .contains("payload")
                    .doesNotContain("items")
                    .doesNotContain("raw");

            sql.clear();
            first.items.add(new Item("b2", 3));
            session.flush().block(TIMEOUT);
            assertThat(updates()).hasSize(1);
            assertThat(updates().get(0)).contains("items").doesNotContain("payload");

            sql.clear();
            first.attributes.put("colour", "blue");
            session.flush().block(TIMEOUT);
            assertThat(updates()).hasSize(1);
            assertThat(updates().get(0)).contains("attributes").doesNotContain("items");

            sql.clear();
            session.flush().block(TIMEOUT);
            assertThat(updates()).as("nothing changed since the last flush").isEmpty();
            session.commit().block(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }

        assertThat(stored("payload").replace(" ", ""))
                .contains("\"quantity\":5")
                .contains("\"customer\":\"Ed\"");
        assertThat(stored("items").replace(" ", ""))
                .isEqualTo("[{\"sku\":\"a1\",\"count\":1},{\"sku\":\"b2\",\"count\":3}]");
        assertThat(stored("attributes").replace(" ", "")).contains("\"colour\":\"blue\"");
    }

    @DatabaseTest
    void shouldCompareImmutableJsonValuesWithEquals(TestDatabase database) {
        createTable(database);
        EntityModel<JsonRecord> model = MAPPING.entity(JsonRecord.class);
        assertThat(model.attribute("point").keepsStoredState()).isFalse();
        assertThat(model.attribute("tags").keepsStoredState()).isFalse();
        assertThat(model.attribute("payload").keepsStoredState()).isTrue();
        JsonRecord record = new JsonRecord(3L);
        record.point = new JsonRecord.Point(1, 2);
        record.tags = new JsonRecord.Tags(List.of("new", "sale"));
        sessions.inTransaction(session -> {
                    session.add(record);
                    return session.flush();
                })
                .blockLast(TIMEOUT);

        Session session = sessions.open();
        try {
            JsonRecord loaded = session.get(JsonRecord.class, 3L).block(TIMEOUT);
            assertThat(loaded.point).isEqualTo(new JsonRecord.Point(1, 2));
            assertThat(loaded.tags.names()).containsExactly("new", "sale");
            sql.clear();
            loaded.point = new JsonRecord.Point(1, 2); // another object, the same value
            session.flush().block(TIMEOUT);
            assertThat(updates()).isEmpty();

            loaded.point = new JsonRecord.Point(3, 4);
            loaded.tags = new JsonRecord.Tags(List.of("old"));
            session.flush().block(TIMEOUT);
            assertThat(updates())
                    .singleElement()
                    .asString()
                    .contains("point")
                    .contains("tags")
                    .doesNotContain("payload");
            session.commit().block(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
        JsonRecord again =
                sessions.inTransaction(s -> s.get(JsonRecord.class, 3L)).blockLast(TIMEOUT);
        assertThat(again.point).isEqualTo(new JsonRecord.Point(3, 4));
        assertThat(again.tags).isEqualTo(new JsonRecord.Tags(List.of("old")));
    }

    @DatabaseTest
    void shouldNotWriteUnchangedJsonOfAReadOnlyLoadMadeModifiable(TestDatabase database) {
        // A read-only load keeps the JSON as the database gives it back (spaced and ordered its own way on PostgreSQL
        // and
        // H2); made modifiable, or rolled back to that load, the object must still compare as unchanged.
        createTable(database);
        insertRecords();

        Session session = sessions.open();
        try {
            JsonRecord first = session.query(JsonRecord.class)
                    .readOnly()
                    .filter(SQL.text("id = 1"))
                    .one()
                    .block(TIMEOUT);
            assertThat(first.payload.customer).isEqualTo("Ed");
            sql.clear();
            session.setReadOnly(first, false);
            session.flush().block(TIMEOUT);
            assertThat(updates()).as("made modifiable, unchanged").isEmpty();

            first.payload.quantity = 7;
            session.flush().block(TIMEOUT);
            assertThat(updates()).hasSize(1);
            session.rollback().block(TIMEOUT);
            assertThat(first.payload.quantity).isEqualTo(2);

            sql.clear();
            session.flush().block(TIMEOUT);
            assertThat(updates())
                    .as("rolled back to the read-only load, unchanged")
                    .isEmpty();
            first.items.add(new Item("c3", 1));
            session.flush().block(TIMEOUT);
            assertThat(updates()).hasSize(1);
            assertThat(updates().get(0)).contains("items").doesNotContain("payload");
            session.commit().block(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
        assertThat(stored("payload").replace(" ", "")).contains("\"quantity\":2");
    }

    @DatabaseTest
    void shouldQueryByJsonTextWhereTheDatabaseCan(TestDatabase database) {
        createTable(database);
        insertRecords();
        if (database == TestDatabase.H2) {
            return;
        }

        List<JsonRecord> found = sessions.inTransaction(session -> session.query(JsonRecord.class)
                        .filter(SQL.jsonText(MAPPING.entity(JsonRecord.class).attribute("payload"), "customer")
                                .eq("Ed"))
                        .all())
                .collectList()
                .block(TIMEOUT);

        assertThat(found).extracting(record -> record.id).containsExactly(1L);
    }
}
