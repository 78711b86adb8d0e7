package io.sluice.session.inheritance.joined;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.ForeignKey;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.LoadOption;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * Joined-table inheritance on every database, after SQLAlchemy's Employee / Engineer / Manager example: the root's columns
 * and the discriminator in {@code jt_employee}, each subclass's own columns in its own table keyed by the root's key;
 * polymorphic queries outer-join the subclass tables, subclass queries inner-join theirs; the flush writes each table in
 * batches, root rows first, and deletes subclass rows first.
 */
class JoinedTableIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Company.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();
    private Company acme;

    private void createTables(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = on.newEngine(builder -> builder.listener(sql));
        sessions = SessionFactory.of(recorded, MAPPING);
        acme = new Company("acme");
        acme.getEmployees().add(new Employee("pat"));
        acme.getEmployees().add(new Engineer("dilbert", "cad"));
        acme.getEmployees().add(new Manager("catbert", "hr"));
        acme.getEmployees().add(new Engineer("wally", "coffee"));
        inSession(session -> {
            session.add(acme);
            return session.commit().thenReturn(true);
        });
    }

    @AfterEach
    void dropTables() {
        if (recorded != null) {
            recorded.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromSupplier(sessions::open), work, Session::close)
                .block(TIMEOUT);
    }

    private List<String> rows(String select) {
        return engine.query(SQL.text(select))
                .map(row -> row.get(0, Object.class) + "/" + row.get(1, Object.class))
                .collectList()
                .block(TIMEOUT);
    }

    private List<RenderedSql> writes() {
        return sql.statements().stream()
                .filter(statement -> !statement.sql().startsWith("SELECT"))
                .toList();
    }

    private static Map<String, String> byName(List<? extends Employee> employees) {
        return employees.stream()
                .collect(Collectors.toMap(
                        Employee::getName, employee -> employee.getClass().getSimpleName()));
    }

    @DatabaseTest
    void shouldStoreEachClassInItsOwnTableKeyedByTheRoot(TestDatabase on) {
        createTables(on);
        assertThat(MAPPING.metadata().tables().stream().map(Table::name))
                .containsExactlyInAnyOrder("jt_company", "jt_employee", "jt_engineer", "jt_manager");
        Table engineer = MAPPING.metadata().table("jt_engineer");
        assertThat(engineer.columns().stream().map(Column::name)).containsExactly("id", "engineer_info");
        assertThat(engineer.primaryKey()).containsExactly("id");
        assertThat(engineer.column("engineer_info").isNullable()).isFalse();
        assertThat(engineer.foreignKeys())
                .extracting(ForeignKey::referencedTable, ForeignKey::columns)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jt_employee", List.of("id")));
        assertThat(MAPPING.metadata().table("jt_employee").columns().stream().map(Column::name))
                .containsExactly("id", "name", "version", "company_id", "type");

        assertThat(rows("SELECT name, type FROM jt_employee ORDER BY name"))
                .containsExactly("catbert/manager", "dilbert/engineer", "pat/employee", "wally/engineer");
        assertThat(rows("SELECT e.name, g.engineer_info FROM jt_engineer g JOIN jt_employee e ON e.id = g.id"
                        + " ORDER BY e.name"))
                .containsExactly("dilbert/cad", "wally/coffee");
        assertThat(rows("SELECT e.name, m.manager_name FROM jt_manager m JOIN jt_employee e ON e.id = m.id"))
                .containsExactly("catbert/hr");

        // root rows first (they generate the keys), then each subclass table's rows in one multi-row INSERT
        List<String> inserts = writes().stream()
                .map(RenderedSql::sql)
                .filter(statement -> statement.startsWith("INSERT"))
                .map(statement -> statement.replaceAll("^INSERT INTO \\W?(\\w+).*$", "$1"))
                .toList();
        assertThat(inserts.indexOf("jt_engineer")).isGreaterThan(inserts.lastIndexOf("jt_employee"));
        assertThat(inserts).containsOnlyOnce("jt_engineer", "jt_manager");
        RenderedSql engineers = writes().stream()
                .filter(statement -> statement.sql().matches("^INSERT INTO \\W?jt_engineer.*"))
                .findFirst()
                .orElseThrow();
        assertThat(engineers.values()).hasSize(4).contains("cad", "coffee");
    }

    @DatabaseTest
    void shouldLoadEachRowOfTheRootAsItsOwnClassWithOuterJoins(TestDatabase on) {
        createTables(on);
        sql.clear();
        List<Employee> everyone = inSession(session ->
                session.query(Employee.class).orderBy(Employee_.name).all().collectList());
        assertThat(byName(everyone))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("pat", "Employee", "dilbert", "Engineer", "catbert", "Manager", "wally", "Engineer"));
        assertThat(((Engineer) everyone.get(1)).getEngineerInfo()).isEqualTo("cad"); // catbert, dilbert, pat, wally
        assertThat(((Manager) everyone.get(0)).getManagerName()).isEqualTo("hr");
        String select = sql.statements().get(0).sql();
        assertThat(select)
                .containsPattern("LEFT OUTER JOIN \\W?jt_engineer")
                .containsPattern("LEFT OUTER JOIN \\W?jt_manager");
    }

    @DatabaseTest
    void shouldQueryASubclassThroughItsOwnTable(TestDatabase on) {
        createTables(on);
        sql.clear();
        List<Engineer> engineers = inSession(session ->
                session.query(Engineer.class).orderBy(Engineer_.name).all().collectList());
        assertThat(engineers).extracting(Engineer::getName).containsExactly("dilbert", "wally");
        assertThat(engineers).extracting(Engineer::getEngineerInfo).containsExactly("cad", "coffee");
        String select = sql.statements().get(0).sql();
        assertThat(select)
                .containsPattern(" JOIN \\W?jt_engineer")
                .doesNotContain("OUTER")
                .doesNotContain("jt_manager");

        long managers = inSession(session -> session.query(Manager.class).count());
        long employees = inSession(session -> session.query(Employee.class).count());
        assertThat(managers).isEqualTo(1L);
        assertThat(employees).isEqualTo(4L);
    }

    @DatabaseTest
    void shouldFilterTheRootBySubclassColumns(TestDatabase on) {
        createTables(on);
        List<Employee> found = inSession(session -> session.query(Employee.class)
                .filter(Engineer_.engineerInfo.eq("coffee").or(Manager_.managerName.eq("hr")))
                .orderBy(Employee_.name)
                .all()
                .collectList());
        assertThat(byName(found)).isEqualTo(Map.of("catbert", "Manager", "wally", "Engineer"));
    }

    @DatabaseTest
    void shouldKeepOneObjectPerKeyAcrossTheHierarchy(TestDatabase on) {
        createTables(on);
        Integer dilbert = acme.getEmployees().get(1).getId();
        inSession(session -> session.get(Employee.class, dilbert).flatMap(employee -> {
            assertThat(employee).isInstanceOf(Engineer.class);
            assertThat(((Engineer) employee).getEngineerInfo()).isEqualTo("cad");
            return session.get(Engineer.class, dilbert)
                    .doOnNext(engineer -> assertThat(engineer).isSameAs(employee))
                    .then(session.query(Engineer.class)
                            .filter(Engineer_.id.eq(dilbert))
                            .one())
                    .doOnNext(engineer -> assertThat(engineer).isSameAs(employee))
                    .then(session.get(Manager.class, dilbert).hasElement())
                    .doOnNext(found -> assertThat(found).isFalse());
        }));
        Engineer direct = inSession(session -> session.get(Engineer.class, dilbert));
        assertThat(direct.getEngineerInfo()).isEqualTo("cad");
        boolean asManager =
                inSession(session -> session.get(Manager.class, dilbert).hasElement());
        assertThat(asManager).isFalse();
    }

    @DatabaseTest
    void shouldLoadARelationshipToTheRootAsEveryClass(TestDatabase on) {
        createTables(on);
        Integer company = acme.getId();
        List<Employee> lazy = inSession(session -> session.get(Company.class, company)
                .flatMapMany(found -> found.getEmployees().flux())
                .collectList());
        assertThat(lazy)
                .extracting(employee -> employee.getClass().getSimpleName())
                .containsExactlyInAnyOrder("Employee", "Engineer", "Manager", "Engineer");

        List<Employee> eager = inSession(session -> session.query(Company.class)
                .options(LoadOption.selectinLoad(Company_.employees))
                .one()
                .map(found -> List.copyOf(found.getEmployees())));
        assertThat(eager.stream()
                        .filter(Manager.class::isInstance)
                        .map(manager -> ((Manager) manager).getManagerName()))
                .containsExactly("hr");

        Company reloaded = inSession(session -> session.get(
                        Engineer.class, acme.getEmployees().get(3).getId())
                .flatMap(engineer -> engineer.getCompany().mono()));
        assertThat(reloaded.getName()).isEqualTo("acme");
    }

    @DatabaseTest
    void shouldWriteASubclassColumnInItsTableAndRaiseTheVersionInTheRoot(TestDatabase on) {
        createTables(on);
        sql.clear();
        Integer version =
                inSession(session -> session.query(Manager.class).one().flatMap(manager -> {
                    manager.setManagerName("people");
                    return session.commit().then(Mono.fromSupplier(manager::getVersion));
                }));
        List<String> updates = writes().stream().map(RenderedSql::sql).toList();
        assertThat(updates).as(sql.statements().toString()).hasSize(2);
        assertThat(version).isEqualTo(2);
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0)).startsWith("UPDATE").contains("jt_employee").contains("version");
        assertThat(updates.get(1)).startsWith("UPDATE").contains("jt_manager").contains("manager_name");
        assertThat(rows("SELECT m.manager_name, e.version FROM jt_manager m JOIN jt_employee e ON e.id = m.id"))
                .containsExactly("people/2");

        sql.clear();
        inSession(session -> session.query(Engineer.class).all().collectList().flatMap(engineers -> {
            engineers.forEach(engineer -> engineer.setName(engineer.getName() + "!"));
            return session.commit().thenReturn(true);
        }));
        assertThat(writes())
                .allSatisfy(statement ->
                        assertThat(statement.sql()).contains("jt_employee").doesNotContain("jt_engineer"));
        assertThat(rows("SELECT name, version FROM jt_employee WHERE type = 'engineer' ORDER BY name"))
                .containsExactly("dilbert!/2", "wally!/2");
    }

    @DatabaseTest
    void shouldDeleteSubclassRowsBeforeTheirRootRows(TestDatabase on) {
        createTables(on);
        sql.clear();
        inSession(session -> session.query(Employee.class).all().collectList().flatMap(everyone -> {
            everyone.stream().filter(employee -> !(employee instanceof Manager)).forEach(session::delete);
            return session.commit().thenReturn(true);
        }));
        // the engineers' rows in one statement; the root rows one by one, each checking its version
        List<String> deletes = writes().stream().map(RenderedSql::sql).toList();
        assertThat(deletes).hasSize(4);
        assertThat(deletes.get(0)).startsWith("DELETE").contains("jt_engineer");
        assertThat(deletes.subList(1, 4))
                .allSatisfy(delete -> assertThat(delete)
                        .startsWith("DELETE")
                        .contains("jt_employee")
                        .contains("version"));
        assertThat(rows("SELECT name, type FROM jt_employee")).containsExactly("catbert/manager");
        assertThat(rows("SELECT COUNT(*), COUNT(*) FROM jt_engineer").get(0)).startsWith("0");
    }

    @DatabaseTest
    void shouldRefuseJoinedLoadingAndTableAliasesOfAJoinedHierarchy(TestDatabase on) {
        createTables(on);
        assertThatThrownBy(() -> inSession(session -> session.query(Company.class)
                        .options(LoadOption.joinedLoad(Company_.employees))
                        .all()
                        .collectList()))
                .hasMessageContaining("Employee")
                .hasMessageContaining("selectinLoad");
        assertThatThrownBy(() -> inSession(session -> Mono.just(session.aliased(Employee.class, "e"))))
                .hasMessageContaining("joined-table")
                .hasMessageContaining("subquery");
    }
}
