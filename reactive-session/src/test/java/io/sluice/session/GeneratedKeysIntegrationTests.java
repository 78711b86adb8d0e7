package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.sluice.core.Engine;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Sequence, UUID and assigned keys on every database: set before the INSERTs, in blocks, and put back when a flush fails. */
final class GeneratedKeysIntegrationTests {

    static final Mapping MAPPING =
            Mapping.of(SeqParent.class, SeqChild.class, UuidItem.class, SeqAssigned.class, SeqNode.class);

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, MAPPING.metadata());
    }

    private SessionFactory sessions(TestDatabase database, RecordingListener listener) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        return another(database, listener);
    }

    /** A factory over an engine of its own, with its own blocks of sequence keys. */
    private SessionFactory another(TestDatabase database, RecordingListener listener) {
        Engine recorded = database.newEngine(builder -> builder.listener(listener));
        opened.add(recorded);
        return SessionFactory.of(recorded, MAPPING);
    }

    private static long nextValues(RecordingListener sql, String sequence) {
        return sql.events().stream()
                .filter(event -> event.startsWith("SELECT") && event.contains(sequence))
                .count();
    }

    private static List<RenderedSql> inserts(RecordingListener sql) {
        return sql.statements().stream()
                .filter(statement -> statement.sql().startsWith("INSERT"))
                .toList();
    }

    private static List<SeqParent> parents(int count, int childrenEach, String prefix) {
        List<SeqParent> parents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SeqParent parent = new SeqParent(prefix + i);
            for (int j = 0; j < childrenEach; j++) {
                parent.addChild(new SeqChild(prefix + i + "-" + j));
            }
            parents.add(parent);
        }
        return parents;
    }

    private static void commit(SessionFactory sessions, List<?> objects) {
        Session session = sessions.open();
        session.addAll(objects);
        session.commit().then(session.close()).block(Duration.ofSeconds(30));
    }

    private static List<Long> ids(List<SeqParent> parents) {
        return parents.stream().map(SeqParent::getId).toList();
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private long count(String table) {
        return engine.query(SQL.select(SQL.count()).from(MAPPING.metadata().table(table)))
                .map(row -> row.get(0, Long.class))
                .blockFirst(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldInsertParentsAndChildrenWithSequenceKeysInMultiRowInsertsAndOneRoundTripPerBlock(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        List<SeqParent> parents = parents(120, 3, "p");
        Session session = sessions.open();
        session.addAll(parents);

        session.commit().as(StepVerifier::create).verifyComplete();

        assertThat(nextValues(sql, "seq_parent_ids")).isEqualTo(3); // ceil(120 / 50)
        assertThat(nextValues(sql, "seq_child_ids")).isEqualTo(4); // ceil(360 / 100)
        assertThat(inserts(sql)).hasSize(2).allSatisfy(insert -> {
            assertThat(insert.sql()).doesNotContain("RETURNING");
            assertThat(insert.generatedKeys()).isEmpty();
        });
        assertThat(inserts(sql).get(0).sql()).startsWith("INSERT INTO seq_parents ");
        assertThat(inserts(sql).get(0).binds()).hasSize(120 * 2);
        assertThat(inserts(sql).get(1).sql()).startsWith("INSERT INTO seq_children ");
        assertThat(inserts(sql).get(1).binds()).hasSize(360 * 3);
        assertThat(ids(parents)).isEqualTo(range(1, 120));
        List<Integer> childIds = parents.stream()
                .flatMap(parent -> parent.getChildren().stream())
                .map(SeqChild::getId)
                .sorted()
                .toList();
        assertThat(childIds).isEqualTo(IntStream.rangeClosed(1, 360).boxed().toList());

        Map<String, Long> expected = new HashMap<>();
        parents.forEach(parent -> parent.getChildren().forEach(child -> expected.put(child.getCode(), parent.getId())));
        Table children = MAPPING.metadata().table("seq_children");
        Column<String> code = children.column("code", String.class);
        Column<Long> parentId = children.column("parent_id", Long.class);
        Map<String, Long> stored = new HashMap<>();
        engine.query(SQL.select(code, parentId).from(children))
                .doOnNext(row -> stored.put(row.get(0, String.class), row.get(1, Long.class)))
                .blockLast(Duration.ofSeconds(10));
        assertThat(stored).isEqualTo(expected);
        assertThat(count("seq_parents")).isEqualTo(120);

        Session check = sessions.open();
        SeqParent last = check.get(SeqParent.class, 120L).block(Duration.ofSeconds(10));
        assertThat(last.getName()).isEqualTo("p119");
        assertThat(last.getChildren().flux().collectList().block(Duration.ofSeconds(10)))
                .extracting(SeqChild::getCode)
                .containsExactly("p119-0", "p119-1", "p119-2");
        check.close().then(session.close()).block(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldUseTheRestOfABlockInTheNextSessionsWithoutRoundTrips(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        List<SeqParent> first = parents(120, 0, "a");
        commit(sessions, first);
        assertThat(nextValues(sql, "seq_parent_ids")).isEqualTo(3);

        sql.clear();
        List<SeqParent> second = parents(30, 0, "b");
        commit(sessions.withFlushBatchSize(7), second);
        assertThat(nextValues(sql, "seq_parent_ids")).isZero();
        assertThat(ids(second)).isEqualTo(range(121, 150));

        sql.clear();
        List<SeqParent> third = parents(1, 0, "c");
        commit(sessions, third);
        assertThat(nextValues(sql, "seq_parent_ids")).isEqualTo(1);
        assertThat(ids(third)).containsExactly(151L);

        // another engine's factory takes blocks of its own from the same sequence: 1, 51, 101 and 151 are taken
        RecordingListener otherSql = new RecordingListener();
        List<SeqParent> other = parents(2, 0, "d");
        commit(another(database, otherSql), other);
        assertThat(nextValues(otherSql, "seq_parent_ids")).isEqualTo(1);
        assertThat(ids(other)).containsExactly(201L, 202L);
        assertThat(count("seq_parents")).isEqualTo(153);
    }

    @DatabaseTest
    void shouldNeverGiveTheSameKeyToConcurrentSessions(TestDatabase database) {
        SessionFactory one = sessions(database, new RecordingListener());
        SessionFactory two = another(database, new RecordingListener());
        List<List<SeqParent>> batches = new ArrayList<>();
        List<Mono<Void>> work = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<SeqParent> batch = parents(70, 1, "s" + i + "-");
            batches.add(batch);
            SessionFactory sessions = i % 2 == 0 ? one : two;
            work.add(Mono.usingWhen(
                            Mono.fromSupplier(sessions::open),
                            session -> {
                                session.addAll(batch);
                                return session.commit();
                            },
                            Session::close)
                    .subscribeOn(Schedulers.boundedElastic()));
        }

        Flux.merge(work).then().as(StepVerifier::create).expectComplete().verify(Duration.ofSeconds(60));

        List<Long> ids = batches.stream().flatMap(batch -> ids(batch).stream()).toList();
        assertThat(ids).hasSize(420).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(batches).allSatisfy(batch -> assertThat(ids(batch)).isSorted());
        assertThat(count("seq_parents")).isEqualTo(420);
        assertThat(count("seq_children")).isEqualTo(420);
    }

    @DatabaseTest
    void shouldGiveNewObjectsTimeOrderedUuidsAndReadThemBack(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        List<UuidItem> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(new UuidItem("item" + i));
        }
        Session session = sessions.open();
        session.addAll(items);
        assertThat(items.get(0).getId()).isNull();

        session.commit().as(StepVerifier::create).verifyComplete();

        assertThat(inserts(sql)).singleElement().satisfies(insert -> {
            assertThat(insert.sql()).startsWith("INSERT INTO uuid_items ").doesNotContain("RETURNING");
            assertThat(insert.generatedKeys()).isEmpty();
        });
        List<UUID> ids = items.stream().map(UuidItem::getId).toList();
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(ids.stream().map(UUID::toString).toList()).isSorted();
        long millis = ids.get(0).getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 1_000);

        Session check = sessions.open();
        UuidItem loaded = check.get(UuidItem.class, ids.get(17)).block(Duration.ofSeconds(10));
        assertThat(loaded).isNotSameAs(items.get(17));
        assertThat(loaded.getId()).isEqualTo(ids.get(17));
        assertThat(loaded.getName()).isEqualTo("item17");
        assertThat(check.query(UuidItem.class)
                        .all()
                        .map(UuidItem::getId)
                        .collectList()
                        .block(Duration.ofSeconds(10)))
                .containsExactlyInAnyOrderElementsOf(ids);
        check.close().then(session.close()).block(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldPutKeysBackWhenAFlushFailsAndFlushAgainAfterRollback(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        List<SeqParent> parents = parents(3, 2, "f");
        parents.get(2).getChildren().get(1).setCode("f0-0");
        List<UuidItem> items = List.of(new UuidItem("kept"));
        Session session = sessions.open();
        session.addAll(parents);
        session.addAll(items);

        session.flush()
                .as(StepVerifier::create)
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(Duration.ofSeconds(10));

        assertThat(ids(parents)).containsOnlyNulls();
        assertThat(parents.stream().flatMap(parent -> parent.getChildren().stream()))
                .allSatisfy(child -> assertThat(child.getId()).isNull());
        assertThat(items.get(0).getId()).isNull();
        session.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(count("seq_parents")).isZero();

        parents.get(2).getChildren().get(1).setCode("f2-1");
        session.addAll(parents);
        session.addAll(items);
        session.commit().as(StepVerifier::create).verifyComplete();
        // the numbers of the failed flush's blocks are not given back: the next keys come after them
        assertThat(ids(parents)).containsExactly(4L, 5L, 6L);
        assertThat(items.get(0).getId()).isNotNull();
        assertThat(count("seq_parents")).isEqualTo(3);
        assertThat(count("seq_children")).isEqualTo(6);
        session.close().block(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldRefuseToFlushANewObjectWithoutItsAssignedKey(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        Session session = sessions.open();
        session.add(new SeqAssigned(null, "nameless"));

        session.flush()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("io.sluice.session.SeqAssigned.code is null in a new object, but it is an assigned"
                                + " key (an @Id without @Generated): set it before the object is flushed, or mark the"
                                + " field @Generated to have keys generated"))
                .verify(Duration.ofSeconds(10));

        assertThat(inserts(sql)).isEmpty();
        session.rollback().as(StepVerifier::create).verifyComplete();
        SeqAssigned named = new SeqAssigned("k1", "named");
        session.add(named);
        session.commit().as(StepVerifier::create).verifyComplete();
        assertThat(count("seq_assigned")).isEqualTo(1);
        session.close().block(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldInsertATreeInOneTableInOneStatementSinceKeysAreKnownBeforeTheInsert(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        SeqNode leaf = new SeqNode("leaf");
        SeqNode branch = new SeqNode("branch").add(leaf);
        SeqNode root = new SeqNode("root").add(branch).add(new SeqNode("other"));
        commit(sessions, List.of(root));

        assertThat(inserts(sql))
                .singleElement()
                .satisfies(insert -> assertThat(insert.sql()).startsWith("INSERT INTO seq_nodes "));
        assertThat(root.getParentId()).isNull();
        assertThat(branch.getParentId()).isEqualTo(root.getId());
        assertThat(leaf.getParentId()).isEqualTo(branch.getId());
        assertThat(count("seq_nodes")).isEqualTo(4);
    }
}
