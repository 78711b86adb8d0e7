package io.sluice.session.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Embedded values on every database: records and mutable classes stored in their owner's table under prefixed columns,
 * nested values, all-NULL columns read as {@code null}, changes written to the changed columns only, and typed paths in
 * filters, ordering and projections.
 */
class EmbeddedIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Store.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();

    private void createTable(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = on.newEngine(builder -> builder.listener(sql));
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

    private static Store paris() {
        Store store = new Store("paris", new Address("1 rue de Rivoli", "Paris", new Geo(48.86, 2.35)));
        store.setContact(new Contact("+33 1", new Email("Paris@Example.org")));
        return store;
    }

    private void save(Store... stores) {
        Session session = sessions.open();
        for (Store store : stores) {
            session.add(store);
        }
        StepVerifier.create(session.commit().then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        Session session = sessions.open();
        return work.apply(session)
                .flatMap(result -> session.close().thenReturn(result))
                .block(TIMEOUT);
    }

    private List<RenderedSql> updates() {
        return sql.statements().stream()
                .filter(statement -> statement.sql().startsWith("UPDATE"))
                .toList();
    }

    @DatabaseTest
    void shouldStoreEmbeddedValuesInPrefixedColumns(TestDatabase on) {
        createTable(on);
        assertThat(MAPPING.entity(Store.class).table().columns().stream().map(Column::name))
                .containsExactly(
                        "id",
                        "name",
                        "address_street",
                        "address_city",
                        "address_geo_lat",
                        "address_geo_lon",
                        "bill_street",
                        "bill_city",
                        "bill_geo_lat",
                        "bill_geo_lon",
                        "phone",
                        "email");
        save(paris());

        List<Object> row = engine.query(SQL.text("SELECT address_street, address_city, address_geo_lat, bill_city,"
                        + " bill_geo_lat, phone, email FROM emb_stores"))
                .map(result -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < 7; i++) {
                        values.add(result.get(i) == null ? null : String.valueOf(result.get(i)));
                    }
                    return values;
                })
                .single()
                .block(TIMEOUT);
        assertThat(row).containsExactly("1 rue de Rivoli", "Paris", "48.86", null, null, "+33 1", "paris@example.org");
    }

    @DatabaseTest
    void shouldReadValuesBackAndAllNullColumnsAsNull(TestDatabase on) {
        createTable(on);
        Store paris = paris();
        Store lyon = new Store("lyon", new Address(null, "Lyon", null));
        save(paris, lyon);

        Store found = inSession(session -> session.get(Store.class, paris.getId()));
        assertThat(found).isNotSameAs(paris);
        assertThat(found.getAddress()).isEqualTo(new Address("1 rue de Rivoli", "Paris", new Geo(48.86, 2.35)));
        assertThat(found.getBilling()).isNull();
        assertThat(found.getContact().getPhone()).isEqualTo("+33 1");
        assertThat(found.getContact().getEmail()).isEqualTo(new Email("paris@example.org"));

        Store partial = inSession(session -> session.get(Store.class, lyon.getId()));
        assertThat(partial.getAddress()).isEqualTo(new Address(null, "Lyon", null));
        assertThat(partial.getContact()).isNull();
    }

    @DatabaseTest
    void shouldUpdateOnlyTheColumnsOfAReplacedValueThatChanged(TestDatabase on) {
        createTable(on);
        Store paris = paris();
        save(paris);
        sql.clear();

        inSession(session -> session.get(Store.class, paris.getId()).flatMap(found -> {
            found.setAddress(new Address("1 rue de Rivoli", "Paris 1er", new Geo(48.86, 2.35)));
            return session.commit().thenReturn(found);
        }));
        assertThat(updates()).hasSize(1);
        assertThat(updates().get(0).sql())
                .contains("address_city")
                .doesNotContain("street")
                .doesNotContain("geo");
        assertThat(updates().get(0).values()).contains("Paris 1er");
        assertThat(inSession(session -> session.get(Store.class, paris.getId()))
                        .getAddress()
                        .city())
                .isEqualTo("Paris 1er");
    }

    @DatabaseTest
    void shouldSeeAMutableValueChangedInPlace(TestDatabase on) {
        createTable(on);
        Store paris = paris();
        save(paris);
        sql.clear();

        inSession(session -> session.get(Store.class, paris.getId()).flatMap(found -> {
            found.getContact().setPhone("+33 2");
            return session.commit().thenReturn(found);
        }));
        assertThat(updates()).hasSize(1);
        assertThat(updates().get(0).sql())
                .contains("phone")
                .doesNotContain("email")
                .doesNotContain("address");
        assertThat(inSession(session -> session.get(Store.class, paris.getId()))
                        .getContact()
                        .getPhone())
                .isEqualTo("+33 2");
    }

    @DatabaseTest
    void shouldWriteNullToEveryColumnOfARemovedValue(TestDatabase on) {
        createTable(on);
        Store paris = paris();
        save(paris);
        sql.clear();

        inSession(session -> session.get(Store.class, paris.getId()).flatMap(found -> {
            found.setAddress(null);
            found.setBilling(new Address("2 avenue", "Paris", null));
            return session.commit().thenReturn(found);
        }));
        assertThat(updates()).hasSize(1);
        assertThat(updates().get(0).sql())
                .contains("address_street", "address_city", "address_geo_lat", "address_geo_lon")
                .contains("bill_street", "bill_city")
                .doesNotContain("bill_geo");
        Store found = inSession(session -> session.get(Store.class, paris.getId()));
        assertThat(found.getAddress()).isNull();
        assertThat(found.getBilling()).isEqualTo(new Address("2 avenue", "Paris", null));
    }

    @DatabaseTest
    void shouldFilterOrderAndProjectThroughTypedPaths(TestDatabase on) {
        createTable(on);
        Store lyon = new Store("lyon", new Address("3 quai", "Lyon", new Geo(45.76, 4.83)));
        Store nice = new Store("nice", new Address("4 promenade", "Nice", new Geo(43.70, 7.27)));
        save(paris(), lyon, nice);

        List<String> south = inSession(session -> session.query(Store.class)
                .filter(Store_.address.geo.lat.lt(46.0))
                .orderBy(Store_.address.geo.lon.desc())
                .all()
                .map(Store::getName)
                .collectList());
        assertThat(south).containsExactly("nice", "lyon");

        List<String> cities = inSession(session -> session.query(Store_.address.city)
                .filter(Store_.contact.email.isNull())
                .orderBy(Store_.address.city)
                .all()
                .collectList());
        assertThat(cities).containsExactly("Lyon", "Nice");

        List<String> byEmail = inSession(session -> session.query(Store.class)
                .filter(Store_.contact.email.eq(new Email("PARIS@example.org")))
                .all()
                .map(store -> store.getAddress().city())
                .collectList());
        assertThat(byEmail).containsExactly("Paris");
    }

    @DatabaseTest
    void shouldPutBackEmbeddedValuesOnRollback(TestDatabase on) {
        createTable(on);
        Store paris = paris();
        save(paris);

        Store found =
                inSession(session -> session.get(Store.class, paris.getId()).flatMap(store -> {
                    store.getContact().setPhone("+33 9");
                    store.setAddress(new Address("elsewhere", "Marseille", null));
                    return session.flush().then(session.rollback()).thenReturn(store);
                }));
        assertThat(found.getContact().getPhone()).isEqualTo("+33 1");
        assertThat(found.getAddress()).isEqualTo(new Address("1 rue de Rivoli", "Paris", new Geo(48.86, 2.35)));
        assertThat(Arrays.asList(found.getBilling())).containsOnlyNulls();
    }
}
