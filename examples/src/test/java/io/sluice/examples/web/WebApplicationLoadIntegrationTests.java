package io.sluice.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.r2dbc.pool.PoolMetrics;
import io.sluice.core.Engine;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The web application under load on PostgreSQL (#19): 500 HTTP clients at once on a pool of 10 connections, for 30 seconds
 * ({@code -Dsluice.load.seconds=N} to change it). Each client, in a loop, creates a user, reads it, updates it with its
 * version, sends the same update again on the old version (answered 409 by design), races the other clients to update one of
 * a few shared users with the version it read (200 or 409), and now and then exports every user as NDJSON. Afterwards: no
 * request failed other than the designed 409s, the rows are exactly what the successful requests wrote, and the pool has
 * every connection back. The throughput and latencies are printed, never asserted.
 */
final class WebApplicationLoadIntegrationTests {

    static final int CLIENTS = 500;
    static final int POOL = 10;
    static final int SHARED_USERS = 20;
    static final Duration DURATION = Duration.ofSeconds(Long.getLong("sluice.load.seconds", 30));
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Mapping MAPPING = Mapping.of(User.class, Address.class);
    static final Table USERS = MAPPING.entity(User.class).table();
    static final Table ADDRESSES = MAPPING.entity(Address.class).table();
    static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A response: the status, and the body (for an export, the number of lines instead). */
    record Response(int status, String body, long lines) {}

    /** What the run saw: every successful write, each request's latency, and each unexpected answer. */
    static final class Tally {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong creates = new AtomicLong();
        final AtomicLong updates = new AtomicLong();
        final AtomicLong designedConflicts = new AtomicLong();
        final AtomicLong racedConflicts = new AtomicLong();
        final AtomicLong exports = new AtomicLong();
        final AtomicLong exportedLines = new AtomicLong();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        /** Per user, how many updates were answered 200. */
        final Map<Integer, AtomicInteger> updatesOf = new ConcurrentHashMap<>();
        /** Per user and version, the name a successful update gave it. */
        final Map<String, String> names = new ConcurrentHashMap<>();

        void created(UserDetails user) {
            creates.incrementAndGet();
            updatesOf.put(user.id(), new AtomicInteger());
            names.put(user.id() + "@" + user.version(), user.name());
        }

        void updated(UserDetails user) {
            updates.incrementAndGet();
            updatesOf.get(user.id()).incrementAndGet();
            names.put(user.id() + "@" + user.version(), user.name());
        }

        void fail(String what, Response response) {
            failures.add(what + " -> " + response.status() + " " + abbreviate(response.body()));
        }
    }

    private final Tally tally = new Tally();
    private @Nullable HttpClient http;

    @Test
    void shouldServeFiveHundredClientsOnTenConnectionsWithoutAFailureOrALeak() throws Exception {
        Engine check = TestDatabase.POSTGRESQL.engine(); // skips, or fails under CI=true, if PostgreSQL is not there
        Schemas.drop(
                check, MAPPING.metadata()); // the application creates them afresh, so the tables hold only this run
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.r2dbc.url=" + TestDatabase.POSTGRESQL.url(),
                        "--spring.r2dbc.pool.max-size=" + POOL,
                        "--spring.r2dbc.pool.max-acquire-time=60s");
        ConnectionProvider connections = ConnectionProvider.builder("load")
                .maxConnections(CLIENTS)
                .pendingAcquireMaxCount(-1)
                .build();
        try {
            int port = Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port", Integer.class));
            http = HttpClient.create(connections)
                    .baseUrl("http://localhost:" + port)
                    .responseTimeout(WAIT);
            Engine engine = context.getBean(Engine.class);

            List<UserDetails> shared = Flux.range(0, SHARED_USERS)
                    .concatMap(i -> create("shared-" + i))
                    .collectList()
                    .block(WAIT);
            assertThat(shared).hasSize(SHARED_USERS);
            tally.requests.set(0);
            tally.latencies.clear();

            long deadline = System.nanoTime() + DURATION.toNanos();
            long start = System.nanoTime();
            Flux.range(0, CLIENTS)
                    .flatMap(client -> runClient(client, shared, deadline), CLIENTS)
                    .blockLast(DURATION.plus(Duration.ofMinutes(3)));
            double seconds = (System.nanoTime() - start) / 1e9;

            report(seconds);
            assertThat(tally.failures)
                    .as("requests that failed other than the designed 409s")
                    .isEmpty();
            assertThat(tally.designedConflicts.get()).isPositive();
            assertThat(tally.exports.get()).isPositive();
            assertRowsMatchTheSuccessfulRequests(check);
            PoolMetrics pool = engine.poolMetrics().orElseThrow();
            assertThat(pool.getMaxAllocatedSize()).isEqualTo(POOL);
            awaitConnectionsBack(pool);
            assertThat(pool.acquiredSize())
                    .as("connections still acquired after the run")
                    .isZero();
            assertThat(pool.pendingAcquireSize()).isZero();
        } finally {
            connections.disposeLater().block(WAIT);
            context.close();
            Schemas.drop(check, MAPPING.metadata());
        }
    }

    /** One client: iterations one after the other until the deadline. */
    private Mono<Void> runClient(int client, List<UserDetails> shared, long deadline) {
        AtomicInteger iteration = new AtomicInteger();
        return Mono.defer(() -> iterate(client, iteration.getAndIncrement(), shared))
                .repeat(() -> System.nanoTime() < deadline)
                .then();
    }

    private Mono<Void> iterate(int client, int n, List<UserDetails> shared) {
        String name = "c" + client + "-" + n;
        Mono<Void> own = create(name)
                .flatMap(created -> read(created)
                        .then(update(created.id(), name + "-a", created.version(), 200))
                        .then(update(created.id(), name + "-b", created.version(), 409)));
        Mono<Void> race = race(shared.get((client + n) % SHARED_USERS), name);
        Mono<Void> export = (client + n) % 50 == 0 ? export() : Mono.empty();
        return own.then(race).then(export);
    }

    private Mono<UserDetails> create(String name) {
        String body = "{\"name\":\"" + name + "\",\"addresses\":[\"" + name + "@example.com\"]}";
        return send(HttpMethod.POST, "/users", body).flatMap(response -> {
            if (response.status() != 201) {
                tally.fail("POST /users " + name, response);
                return Mono.empty();
            }
            UserDetails created = parse(response.body());
            tally.created(created);
            return Mono.just(created);
        });
    }

    private Mono<Void> read(UserDetails created) {
        return send(HttpMethod.GET, "/users/" + created.id(), null)
                .doOnNext(response -> {
                    if (response.status() != 200 || !parse(response.body()).equals(created)) {
                        tally.fail("GET /users/" + created.id() + " expecting " + created, response);
                    }
                })
                .then();
    }

    /** Updates a user the client alone changes: 200 when based on the current version, 409 when on an old one. */
    private Mono<Void> update(int id, String name, long version, int expected) {
        String body = "{\"name\":\"" + name + "\",\"version\":" + version + "}";
        return send(HttpMethod.PUT, "/users/" + id, body)
                .doOnNext(response -> {
                    if (response.status() != expected) {
                        tally.fail("PUT /users/" + id + " on version " + version, response);
                    } else if (expected == 200) {
                        UserDetails updated = parse(response.body());
                        if (updated.version() != version + 1) {
                            tally.fail("PUT /users/" + id + " gave version " + updated.version(), response);
                        }
                        tally.updated(updated);
                    } else {
                        tally.designedConflicts.incrementAndGet();
                    }
                })
                .then();
    }

    /** Reads a shared user and updates it with the version read, racing the other clients: 200 or 409. */
    private Mono<Void> race(UserDetails user, String name) {
        return send(HttpMethod.GET, "/users/" + user.id(), null).flatMap(read -> {
            if (read.status() != 200) {
                tally.fail("GET /users/" + user.id(), read);
                return Mono.empty();
            }
            long version = parse(read.body()).version();
            String body = "{\"name\":\"" + name + "\",\"version\":" + version + "}";
            return send(HttpMethod.PUT, "/users/" + user.id(), body)
                    .doOnNext(response -> {
                        if (response.status() == 200) {
                            tally.updated(parse(response.body()));
                        } else if (response.status() == 409) {
                            tally.racedConflicts.incrementAndGet();
                        } else {
                            tally.fail("PUT /users/" + user.id() + " racing on version " + version, response);
                        }
                    })
                    .then();
        });
    }

    /** Exports every user; the export sees at least every user whose creation was answered before it was sent. */
    private Mono<Void> export() {
        long createdBefore = tally.creates.get();
        long start = System.nanoTime();
        return http().headers(headers -> headers.set(HttpHeaderNames.ACCEPT, "application/x-ndjson"))
                .get()
                .uri("/users/export")
                .response((response, content) -> content.map(WebApplicationLoadIntegrationTests::newlines)
                        .reduce(0L, Long::sum)
                        .map(lines -> new Response(response.status().code(), "", lines)))
                .single()
                .onErrorResume(error -> Mono.just(new Response(-1, String.valueOf(error), 0)))
                .doOnNext(response -> {
                    record(start);
                    tally.exports.incrementAndGet();
                    tally.exportedLines.addAndGet(response.lines());
                    if (response.status() != 200 || response.lines() < createdBefore) {
                        tally.fail(
                                "GET /users/export of " + response.lines() + " lines, at least " + createdBefore
                                        + " expected",
                                response);
                    }
                })
                .then();
    }

    private Mono<Response> send(HttpMethod method, String uri, @Nullable String body) {
        long start = System.nanoTime();
        HttpClient client = http().headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
        HttpClient.ResponseReceiver<?> request = body == null
                ? client.request(method).uri(uri)
                : client.request(method).uri(uri).send(ByteBufFlux.fromString(Mono.just(body)));
        return request.responseSingle((response, content) -> content.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Response(response.status().code(), text, 0)))
                .onErrorResume(error -> Mono.just(new Response(-1, String.valueOf(error), 0)))
                .doOnNext(response -> record(start));
    }

    private void record(long start) {
        tally.requests.incrementAndGet();
        tally.latencies.add(System.nanoTime() - start);
    }

    private HttpClient http() {
        return Objects.requireNonNull(http);
    }

    private static long newlines(ByteBuf buffer) {
        long lines = 0;
        for (int i = buffer.readerIndex(); i < buffer.writerIndex(); i++) {
            if (buffer.getByte(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static UserDetails parse(String body) {
        try {
            return JSON.readValue(body, UserDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a user: " + abbreviate(body), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** Every user created is there with one address, at the version and with the name its last successful update gave. */
    private void assertRowsMatchTheSuccessfulRequests(Engine engine) {
        Column<Integer> id = USERS.column("id", Integer.class);
        Column<String> name = USERS.column("name", String.class);
        Column<Long> version = USERS.column("version", Long.class);
        Map<Integer, Object[]> rows = new HashMap<>();
        engine.query(SQL.select(id, name, version).from(USERS))
                .doOnNext(row -> rows.put(
                        row.get(0, Integer.class), new Object[] {row.get(1, String.class), row.get(2, Long.class)}))
                .blockLast(WAIT);
        long addresses =
                Objects.requireNonNull(engine.query(SQL.select(SQL.count()).from(ADDRESSES))
                        .map(row -> Objects.requireNonNull(row.get(0, Long.class)))
                        .blockFirst(WAIT));

        long created = tally.creates.get(); // the shared users included
        assertThat(tally.updatesOf).hasSize((int) created);
        assertThat(rows).hasSize((int) created);
        assertThat(rows.keySet()).isEqualTo(tally.updatesOf.keySet());
        assertThat(addresses).isEqualTo(created);
        List<String> mismatches = new ArrayList<>();
        tally.updatesOf.forEach((key, updates) -> {
            Object[] row = rows.get(key);
            long expectedVersion = 1L + updates.get();
            String expectedName = tally.names.get(key + "@" + expectedVersion);
            if (!Objects.equals(row[1], expectedVersion) || !Objects.equals(row[0], expectedName)) {
                mismatches.add("user " + key + " is (" + row[0] + ", version " + row[1] + "), expected (" + expectedName
                        + ", version " + expectedVersion + ")");
            }
        });
        assertThat(mismatches)
                .as("users whose row is not what the successful updates wrote")
                .isEmpty();
    }

    /** The last responses are written before their transactions' connections are back: wait a little for them. */
    private static void awaitConnectionsBack(PoolMetrics pool) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pool.acquiredSize() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    private void report(double seconds) {
        long[] sorted =
                tally.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%nLoad on PostgreSQL: %d clients, a pool of %d connections, %.1f s%n"
                        + "  %d requests, %.0f requests/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "  %d users created, %d updates applied, %d stale updates answered 409 by design,"
                        + " %d raced updates answered 409%n"
                        + "  %d exports streaming %d lines; %d unexpected answers%n%n",
                CLIENTS,
                POOL,
                seconds,
                tally.requests.get(),
                tally.requests.get() / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6,
                tally.creates.get(),
                tally.updates.get(),
                tally.designedConflicts.get(),
                tally.racedConflicts.get(),
                tally.exports.get(),
                tally.exportedLines.get(),
                tally.failures.size());
        tally.failures.stream().limit(20).forEach(failure -> System.out.println("  unexpected: " + failure));
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0.0;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
