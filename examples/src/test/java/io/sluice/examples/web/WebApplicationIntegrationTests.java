package io.sluice.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The web application running on Netty, asked over HTTP with {@link WebTestClient}, once per database. Each database gets one
 * running application, configured by the starter from {@code spring.r2dbc.url}, with a pool of <em>one</em> connection, so
 * that a request succeeds only if every request before it gave its connection back.
 */
final class WebApplicationIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Mapping MAPPING = Mapping.of(User.class, Address.class);
    static final Table USERS = MAPPING.entity(User.class).table();
    static final Table ADDRESSES = MAPPING.entity(Address.class).table();
    static final Map<TestDatabase, Running> APPS = new EnumMap<>(TestDatabase.class);

    /** An application started for one database. */
    record Running(ConfigurableApplicationContext context, WebTestClient client, Engine engine) {}

    static synchronized Running app(TestDatabase database) {
        Running running = APPS.get(database);
        if (running != null) {
            return running;
        }
        Engine check = database.engine(); // skips or fails the test if the database cannot be reached
        String url = database == TestDatabase.H2 ? "r2dbc:h2:mem:///sluice_web_test" : database.url();
        if (database != TestDatabase.H2) {
            Schemas.drop(check, MAPPING.metadata()); // the application creates them afresh
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.r2dbc.url=" + url,
                        "--spring.r2dbc.pool.max-size=1",
                        "--spring.r2dbc.pool.max-acquire-time=20s");
        int port = Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port", Integer.class));
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(WAIT)
                .build();
        running = new Running(context, client, context.getBean(Engine.class));
        APPS.put(database, running);
        return running;
    }

    @AfterAll
    static synchronized void stopApplications() {
        APPS.forEach((database, running) -> {
            running.context().close();
            if (database != TestDatabase.H2) {
                Schemas.drop(database.engine(), MAPPING.metadata());
            }
        });
        APPS.clear();
    }

    /** The body of an error response ({@code application/problem+json}). */
    record Problem(String type, String title, int status, String detail, String instance) {}

    private static void assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
        Problem problem = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class)
                .returnResult()
                .getResponseBody();
        assertThat(problem.status()).isEqualTo(status.value());
        assertThat(problem.detail()).isEqualTo(detail);
    }

    private static long count(Running app, Table table) {
        return Objects.requireNonNull(app.engine()
                .query(SQL.select(SQL.count()).from(table))
                .map(row -> Objects.requireNonNull(row.get(0, Long.class)))
                .blockFirst(WAIT));
    }

    private static UserDetails create(Running app, String body) {
        return app.client()
                .post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(UserDetails.class)
                .returnResult()
                .getResponseBody();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void shouldCreateAUserAndGetItWithItsAddresses(TestDatabase database) {
        Running app = app(database);

        UserDetails created = create(
                app,
                "{\"name\":\"jack\",\"fullname\":\"Jack Bean\",\"addresses\":[\"jack@google.com\",\"j25@yahoo.com\"]}");

        assertThat(created.version()).isEqualTo(1);
        app.client()
                .get()
                .uri("/users/{id}", created.id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(UserDetails.class)
                .isEqualTo(new UserDetails(
                        created.id(), "jack", "Jack Bean", null, 1, List.of("jack@google.com", "j25@yahoo.com")));
        assertProblem(
                app.client().get().uri("/users/{id}", created.id() + 1_000_000).exchange(),
                HttpStatus.NOT_FOUND,
                "there is no user " + (created.id() + 1_000_000));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void shouldListUsersPageByPageInKeyOrder(TestDatabase database) {
        Running app = app(database);
        for (String name : List.of("ann", "bob", "cid")) {
            create(app, "{\"name\":\"" + name + "\"}");
        }

        UserPage first = app.client()
                .get()
                .uri("/users?page=0&size=2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(UserPage.class)
                .returnResult()
                .getResponseBody();
        UserPage second = app.client()
                .get()
                .uri("/users?page=1&size=2")
                .exchange()
                .expectBody(UserPage.class)
                .returnResult()
                .getResponseBody();

        assertThat(first.total()).isEqualTo(count(app, USERS)).isGreaterThanOrEqualTo(3);
        assertThat(first.items()).hasSize(2);
        assertThat(first.items().get(0).id()).isLessThan(first.items().get(1).id());
        assertThat(second.items()).isNotEmpty();
        assertThat(second.items().get(0).id())
                .isGreaterThan(first.items().get(1).id());
        assertProblem(
                app.client().get().uri("/users?size=500").exchange(),
                HttpStatus.BAD_REQUEST,
                "page must be 0 or more and size from 1 to 100");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void shouldRefuseAnInvalidBodyWith400AndWriteNothing(TestDatabase database) {
        Running app = app(database);
        long users = count(app, USERS);
        long addresses = count(app, ADDRESSES);

        assertProblem(
                app.client()
                        .post()
                        .uri("/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"  \",\"addresses\":[\"ok@example.com\",\"not an address\"]}")
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "name must not be blank; addresses[1] must be an e-mail address of at most 100 characters");
        assertProblem(
                app.client()
                        .post()
                        .uri("/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"x\",\"addresses\":[")
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "Failed to read HTTP message");
        assertProblem(
                app.client()
                        .post()
                        .uri("/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"" + "n".repeat(51) + "\"}")
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "name must be at most 50 characters");

        assertThat(count(app, USERS)).isEqualTo(users);
        assertThat(count(app, ADDRESSES)).isEqualTo(addresses);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void shouldAnswer409ToAnUpdateOfAStaleVersion(TestDatabase database) {
        Running app = app(database);
        UserDetails created = create(app, "{\"name\":\"wendy\",\"addresses\":[\"wendy@example.com\"]}");

        app.client()
                .put()
                .uri("/users/{id}", created.id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"wendy\",\"fullname\":\"Wendy Williams\",\"version\":1}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(UserDetails.class)
                .isEqualTo(new UserDetails(
                        created.id(), "wendy", "Wendy Williams", null, 2, List.of("wendy@example.com")));
        assertProblem(
                app.client()
                        .put()
                        .uri("/users/{id}", created.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"windy\",\"version\":1}")
                        .exchange(),
                HttpStatus.CONFLICT,
                "user " + created.id()
                        + " is at version 2, not 1: read it again and apply your changes to that version");
        app.client()
                .put()
                .uri("/users/{id}", created.id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"windy\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();

        assertThat(app.client()
                        .get()
                        .uri("/users/{id}", created.id())
                        .exchange()
                        .expectBody(UserDetails.class)
                        .returnResult()
                        .getResponseBody()
                        .fullname())
                .isEqualTo("Wendy Williams");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void shouldDeleteAUserWithItsAddresses(TestDatabase database) {
        Running app = app(database);
        UserDetails created = create(app, "{\"name\":\"fred\",\"addresses\":[\"fred@example.com\",\"f@example.org\"]}");
        long addresses = count(app, ADDRESSES);

        app.client()
                .delete()
                .uri("/users/{id}", created.id())
                .exchange()
                .expectStatus()
                .isNoContent();

        app.client()
                .get()
                .uri("/users/{id}", created.id())
                .exchange()
                .expectStatus()
                .isNotFound();
        app.client()
                .delete()
                .uri("/users/{id}", created.id())
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(count(app, ADDRESSES)).isEqualTo(addresses - 2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void shouldStreamTheUsersAsNdjsonAndGiveTheConnectionBackWhenTheClientLeaves(TestDatabase database) {
        Running app = app(database);
        Column<String> name = USERS.column("name", String.class);
        Column<Long> version = USERS.column("version", Long.class);
        Flux.range(0, 20)
                .concatMap(chunk -> {
                    List<List<?>> rows = new ArrayList<>();
                    for (int i = 0; i < 1_000; i++) {
                        rows.add(List.of("exported-" + (chunk * 1_000 + i), 1L));
                    }
                    return app.engine()
                            .execute(
                                    SQL.insertInto(USERS).columns(name, version).rows(rows));
                })
                .blockLast(WAIT);

        List<UserSummary> firstRows = app.client()
                .get()
                .uri("/users/export")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(UserSummary.class)
                .getResponseBody()
                .take(10)
                .collectList()
                .block(WAIT);

        assertThat(firstRows).hasSize(10);
        assertThat(firstRows).extracting(UserSummary::id).isSorted().doesNotHaveDuplicates();
        // The pool has one connection: this request is answered only once the export has given it back.
        UserPage after = app.client()
                .get()
                .uri("/users?size=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(UserPage.class)
                .returnResult()
                .getResponseBody();
        assertThat(after.total()).isGreaterThanOrEqualTo(20_000);
        assertThat(app.engine().poolMetrics().orElseThrow().acquiredSize()).isZero();
    }

    /** The body of {@code /actuator/health}: the status and, per component, its status and details. */
    record HealthBody(String status, Map<String, Component> components) {
        record Component(String status, Map<String, Object> details) {}
    }

    /** The body of {@code /actuator/metrics}: the meters' names. */
    record MetricNames(List<String> names) {}

    /** The body of {@code /actuator/metrics/{name}}: the meter's measurements and tags. */
    record Metric(String name, List<Measurement> measurements, List<Tag> availableTags) {
        record Measurement(String statistic, double value) {}

        record Tag(String tag, List<String> values) {}
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void shouldShowSluiceInActuatorHealthAndMetrics(TestDatabase database) {
        Running app = app(database);
        create(app, "{\"name\":\"metered\"}"); // at least one INSERT observed

        HealthBody health = app.client()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(HealthBody.class)
                .returnResult()
                .getResponseBody();
        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.components()).containsKey("sluice");
        assertThat(health.components().get("sluice").status()).isEqualTo("UP");
        assertThat(health.components().get("sluice").details())
                .containsEntry("database", app.engine().dialect().name())
                .containsEntry("max", 1)
                .containsEntry("acquired", 0);

        MetricNames names = app.client()
                .get()
                .uri("/actuator/metrics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MetricNames.class)
                .returnResult()
                .getResponseBody();
        assertThat(names.names())
                .contains(
                        "sluice.statement",
                        "sluice.pool.acquired",
                        "sluice.pool.idle",
                        "sluice.pool.pending",
                        "sluice.pool.max");

        Metric statements = app.client()
                .get()
                .uri("/actuator/metrics/sluice.statement?tag=operation:INSERT&tag=outcome:SUCCESS")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Metric.class)
                .returnResult()
                .getResponseBody();
        assertThat(statements.measurements())
                .filteredOn(measurement -> measurement.statistic().equals("COUNT"))
                .singleElement()
                .satisfies(count -> assertThat(count.value()).isGreaterThanOrEqualTo(1));
        assertThat(statements.availableTags())
                .filteredOn(tag -> tag.tag().equals("db.system"))
                .singleElement()
                .satisfies(tag -> assertThat(tag.values())
                        .containsExactly(app.engine().dialect().name().toLowerCase(java.util.Locale.ROOT)));
        Metric max = app.client()
                .get()
                .uri("/actuator/metrics/sluice.pool.max")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Metric.class)
                .returnResult()
                .getResponseBody();
        assertThat(max.measurements()).extracting(Metric.Measurement::value).containsExactly(1.0);
    }
}
