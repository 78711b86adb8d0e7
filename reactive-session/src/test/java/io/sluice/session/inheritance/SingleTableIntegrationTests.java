package io.sluice.session.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.Column;
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
 * Single-table inheritance on every database, after SQLAlchemy's Employee / Engineer / Manager example: one table with a
 * discriminator, polymorphic queries of the root, subclass queries filtered by discriminator, one object per key across the
 * hierarchy, a relationship to the root loading every class, and changes to subclass columns written alone.
 */
class SingleTableIntegrationTests {

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
        sql.clear();
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

    private static Map<String, String> byName(List<? extends Employee> employees) {
        return employees.stream()
                .collect(Collectors.toMap(
                        Employee::getName, employee -> employee.getClass().getSimpleName()));
    }

    @DatabaseTest
    void shouldStoreTheHierarchyInOneTableWithADiscriminator(TestDatabase on) {
        createTables(on);
        assertThat(MAPPING.metadata().tables().stream().map(Table::name))
                .containsExactly("inh_company", "inh_employee");
        Table table = MAPPING.metadata().table("inh_employee");
        assertThat(table.columns().stream().map(Column::name))
                .containsExactly("id", "name", "company_id", "type", "engineer_info", "manager_name");
        assertThat(table.column("engineer_info").isNullable()).isTrue();
        assertThat(table.column("type").isNullable()).isFalse();

        List<String> rows = engine.query(
                        SQL.text("SELECT name, type, engineer_info, manager_name FROM inh_employee ORDER BY name"))
                .map(row -> row.get(0, String.class) + "/" + row.get(1, String.class) + "/" + row.get(2, String.class)
                        + "/" + row.get(3, String.class))
                .collectList()
                .block(TIMEOUT);
        assertThat(rows)
                .containsExactly(
                        "catbert/manager/null/hr",
                        "dilbert/engineer/cad/null",
                        "pat/employee/null/null",
                        "wally/engineer/coffee/null");
    }

    @DatabaseTest
    void shouldLoadEachRowOfTheRootAsItsOwnClass(TestDatabase on) {
        createTables(on);
        List<Employee> everyone = inSession(session ->
                session.query(Employee.class).orderBy(Employee_.name).all().collectList());
        assertThat(byName(everyone))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("pat", "Employee", "dilbert", "Engineer", "catbert", "Manager", "wally", "Engineer"));
        assertThat(((Engineer) everyone.get(1)).getEngineerInfo()).isEqualTo("cad"); // catbert, dilbert, pat, wally
        assertThat(((Manager) everyone.get(0)).getManagerName()).isEqualTo("hr");
    }

    @DatabaseTest
    void shouldQueryASubclassByItsDiscriminator(TestDatabase on) {
        createTables(on);
        List<Engineer> engineers = inSession(session ->
                session.query(Engineer.class).orderBy(Engineer_.name).all().collectList());
        assertThat(engineers).extracting(Engineer::getName).containsExactly("dilbert", "wally");
        assertThat(engineers).extracting(Engineer::getEngineerInfo).containsExactly("cad", "coffee");
        RenderedSql select = sql.statements().get(0);
        assertThat(select.sql()).containsPattern("(?i)type\\W* IN \\(");
        assertThat(select.values()).containsExactly("engineer");

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
            return session.get(Engineer.class, dilbert)
                    .doOnNext(engineer -> assertThat(engineer).isSameAs(employee))
                    .then(session.query(Engineer.class)
                            .filter(Engineer_.id.eq(dilbert))
                            .one())
                    .doOnNext(engineer -> assertThat(engineer).isSameAs(employee))
                    .then(session.get(Manager.class, dilbert).hasElement())
                    .doOnNext(found -> assertThat(found).isFalse());
        }));
        int selects = (int) sql.statements().stream()
                .filter(statement -> statement.sql().startsWith("SELECT"))
                .count();
        assertThat(selects).isEqualTo(2); // get(Employee) and the query; the other gets come from the identity map
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
    void shouldWriteOnlyTheChangedColumnsOfASubclass(TestDatabase on) {
        createTables(on);
        inSession(session -> session.query(Employee.class).all().collectList().flatMap(everyone -> {
            Manager manager = (Manager) everyone.stream()
                    .filter(Manager.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            manager.setManagerName("people");
            return session.commit().thenReturn(true);
        }));
        List<RenderedSql> writes = sql.statements().stream()
                .filter(statement -> !statement.sql().startsWith("SELECT"))
                .toList();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).sql())
                .startsWith("UPDATE")
                .contains("manager_name")
                .doesNotContain("type");
        String managerName =
                inSession(session -> session.query(Manager.class).one().map(Manager::getManagerName));
        assertThat(managerName).isEqualTo("people");
    }

    @DatabaseTest
    void shouldDeleteSubclassObjects(TestDatabase on) {
        createTables(on);
        inSession(session -> session.query(Engineer.class).all().collectList().flatMap(engineers -> {
            engineers.forEach(session::delete);
            return session.commit().thenReturn(true);
        }));
        List<String> left = inSession(session ->
                session.query(Employee.class).all().map(Employee::getName).collectList());
        assertThat(left).containsExactlyInAnyOrder("pat", "catbert");
    }

    @DatabaseTest
    void shouldRefuseARowWhoseDiscriminatorNamesNoClass(TestDatabase on) {
        createTables(on);
        engine.execute(SQL.text("UPDATE inh_employee SET type = 'intern' WHERE name = 'pat'"))
                .block(TIMEOUT);
        assertThatThrownBy(() ->
                        inSession(session -> session.query(Employee.class).all().collectList()))
                .hasMessageContaining("intern")
                .hasMessageContaining("inh_employee");
    }
}
