package io.sluice.session.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.test.StepVerifier;

/**
 * Converted columns on every database: a value class, a mutable value, a type registered on the package and enums by name,
 * ordinal and code are stored as their converters say, read back as the application's types, compared in filters through
 * their stored values, and updated only when their stored value changes.
 */
class ConverterIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Customer.class);
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

    private Customer ada() {
        Customer ada = new Customer("ada", new Email("Ada@Example.org"));
        ada.setBalance(new Money(12_345));
        ada.setTags(new Tags().add("vip").add("early"));
        ada.setStatus(Status.SUSPENDED);
        ada.setPriority(Priority.HIGH);
        ada.setGrade(Grade.SILVER);
        return ada;
    }

    private void save(Customer... customers) {
        Session session = sessions.open();
        for (Customer customer : customers) {
            session.add(customer);
        }
        StepVerifier.create(session.commit().then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @DatabaseTest
    void shouldStoreWhatTheConvertersReturn(TestDatabase on) {
        createTable(on);
        save(ada());

        StepVerifier.create(engine.query(
                                SQL.text("SELECT email, balance, tags, status, priority, grade FROM conv_customers"))
                        .map(row -> List.of(
                                row.get(0, String.class),
                                row.get(1, Long.class),
                                row.get(2, String.class),
                                row.get(3, String.class),
                                row.get(4, Integer.class),
                                row.get(5, String.class))))
                .expectNext(List.of("ada@example.org", 12_345L, "vip,early", "SUSPENDED", 2, "S"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @DatabaseTest
    void shouldReadTheApplicationsTypesBack(TestDatabase on) {
        createTable(on);
        Customer ada = ada();
        save(ada);

        Session session = sessions.open();
        StepVerifier.create(session.get(Customer.class, ada.getId())
                        .doFinally(signal -> session.close().subscribe()))
                .assertNext(found -> {
                    assertThat(found).isNotSameAs(ada);
                    assertThat(found.getEmail()).isEqualTo(new Email("ada@example.org"));
                    assertThat(found.getBalance()).isEqualTo(new Money(12_345));
                    assertThat(found.getTags().values()).containsExactly("vip", "early");
                    assertThat(found.getStatus()).isEqualTo(Status.SUSPENDED);
                    assertThat(found.getPriority()).isEqualTo(Priority.HIGH);
                    assertThat(found.getGrade()).isEqualTo(Grade.SILVER);
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @DatabaseTest
    void shouldBindFilterValuesThroughTheConverter(TestDatabase on) {
        createTable(on);
        Customer other = new Customer("bob", new Email("bob@example.org"));
        other.setGrade(Grade.GOLD);
        other.setPriority(Priority.LOW);
        save(ada(), other);
        sql.clear();

        Session session = sessions.open();
        StepVerifier.create(session.query(Customer.class)
                        .filter(Customer_.email.eq(new Email("ADA@example.org")))
                        .filter(Customer_.grade.in(Grade.SILVER, Grade.BRONZE))
                        .filter(Customer_.priority.gt(Priority.NORMAL))
                        .filter(Customer_.balance.eq(new Money(12_345)))
                        .all()
                        .map(Customer::getName)
                        .doFinally(signal -> session.close().subscribe()))
                .expectNext("ada")
                .expectComplete()
                .verify(TIMEOUT);
        RenderedSql select = sql.statements().get(0);
        assertThat(select.values()).containsExactly("ada@example.org", "S", "B", 1, 12_345L);
    }

    @DatabaseTest
    void shouldProjectConvertedColumnsAsTheApplicationsTypes(TestDatabase on) {
        createTable(on);
        save(ada());

        Session session = sessions.open();
        StepVerifier.create(session.query(Customer_.email, Customer_.grade)
                        .all()
                        .doFinally(signal -> session.close().subscribe()))
                .assertNext(row -> {
                    assertThat(row.first()).isEqualTo(new Email("ada@example.org"));
                    assertThat(row.second()).isEqualTo(Grade.SILVER);
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @DatabaseTest
    void shouldUpdateOnlyColumnsWhoseStoredValueChanged(TestDatabase on) {
        createTable(on);
        Customer ada = ada();
        save(ada);
        sql.clear();

        Session session = sessions.open();
        StepVerifier.create(session.get(Customer.class, ada.getId())
                        .flatMap(found -> {
                            found.setEmail(new Email("ADA@EXAMPLE.ORG")); // another object, the same stored value
                            found.setBalance(new Money(12_345));
                            found.getTags().add("late"); // changed in place
                            return session.commit().thenReturn(found);
                        })
                        .doFinally(signal -> session.close().subscribe()))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
        List<RenderedSql> updates = sql.statements().stream()
                .filter(statement -> statement.sql().startsWith("UPDATE"))
                .toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).sql())
                .contains("tags")
                .doesNotContain("email")
                .doesNotContain("balance");
        assertThat(updates.get(0).values()).contains("vip,early,late");
    }

    @DatabaseTest
    void shouldPutBackTheCommittedValueOnRollback(TestDatabase on) {
        createTable(on);
        Customer ada = ada();
        save(ada);

        Session session = sessions.open();
        StepVerifier.create(session.get(Customer.class, ada.getId())
                        .flatMap(found -> {
                            found.getTags().add("late");
                            found.setGrade(Grade.GOLD);
                            return session.flush().then(session.rollback()).thenReturn(found);
                        })
                        .doFinally(signal -> session.close().subscribe()))
                .assertNext(found -> {
                    assertThat(found.getTags().values()).containsExactly("vip", "early");
                    assertThat(found.getGrade()).isEqualTo(Grade.SILVER);
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @DatabaseTest
    void shouldCreateTheStoredTypesColumns(TestDatabase on) {
        createTable(on);
        Table table = MAPPING.entity(Customer.class).table();
        assertThat(table.column("email").type().storage()).isEqualTo(SqlType.varchar(120));
        assertThat(table.column("grade").type().storage()).isEqualTo(SqlType.varchar(1));
        assertThat(table.column("priority").type().storage()).isEqualTo(SqlType.INTEGER);
        assertThat(table.column("balance").type().storage()).isEqualTo(SqlType.BIGINT);
        String ddl = String.join("\n", MAPPING.metadata().createStatements(engine.dialect(), false));
        assertThat(ddl).containsPattern("(?i)email\\W* VARCHAR\\(120\\)").containsPattern("(?i)priority\\W* INT");

        // The unique constraint is the stored value's: another object with the same stored address is refused.
        save(ada());
        Session session = sessions.open();
        session.add(new Customer("ada again", new Email("ADA@example.org")));
        StepVerifier.create(session.commit().doFinally(signal -> session.close().subscribe()))
                .expectError()
                .verify(TIMEOUT);
    }
}
