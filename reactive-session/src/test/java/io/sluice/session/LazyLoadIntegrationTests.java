package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.StatementCounter;
import io.sluice.session.mapping.Mapping;
import io.sluice.session.tutorial.Address;
import io.sluice.session.tutorial.Address_;
import io.sluice.session.tutorial.BlogPost;
import io.sluice.session.tutorial.Keyword;
import io.sluice.session.tutorial.User;
import io.sluice.session.tutorial.User_;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lazy loads requested inside one pipeline are coalesced (#16): whatever form the pipeline takes, the loads of one relationship
 * requested while the session is busy wait for it and then run as one {@code IN} query for up to the batch size of owners. 50
 * users, each with 2 addresses and a post with 2 keywords.
 */
final class LazyLoadIntegrationTests {

    static final Mapping MAPPING = Mapping.of(User.class, Address.class, BlogPost.class, Keyword.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int USERS = 50;

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();
    private final StatementCounter counter = new StatementCounter();

    @AfterEach
    void cleanUp() {
        sessions.forEach(
                session -> session.close().onErrorResume(e -> Mono.empty()).block(WAIT));
        opened.forEach(extra -> extra.close().block(WAIT));
        Schemas.drop(engine, MAPPING.metadata());
    }

    private SessionFactory seeded(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine recorded =
                database.newEngine(builder -> builder.listener(counter).maxSize(2));
        opened.add(recorded);
        SessionFactory factory = SessionFactory.of(recorded, MAPPING);
        factory.inTransaction(session -> {
                    for (int i = 0; i < USERS; i++) {
                        User user = new User("user" + i, "User " + i, "u" + i);
                        user.getAddresses().add(new Address("a" + i + "@example.com"));
                        user.getAddresses().add(new Address("b" + i + "@example.com"));
                        session.add(user);
                        BlogPost post = new BlogPost("post " + i, "text", user);
                        post.getKeywords().add(new Keyword("k" + i));
                        post.getKeywords().add(new Keyword("l" + i));
                        session.add(post);
                    }
                    return Flux.empty();
                })
                .blockLast(WAIT);
        counter.reset();
        return factory;
    }

    private Session open(SessionFactory factory) {
        Session session = factory.open();
        sessions.add(session);
        return session;
    }

    /** Runs a pipeline in a new session and returns how many items it emitted; the counter then holds its statements. */
    private long run(SessionFactory factory, Function<Session, Flux<?>> pipeline) {
        Session session = open(factory);
        counter.reset();
        Long count = pipeline.apply(session).count().block(WAIT);
        return count == null ? -1 : count;
    }

    private long selects() {
        return counter.statements().stream()
                .filter(sql -> sql.startsWith("SELECT"))
                .count();
    }

    @DatabaseTest // #16
    void shouldLoadTheCollectionsOfAQueryFlatMappedInOnePipelineInOneQuery(TestDatabase database) {
        SessionFactory factory = seeded(database);

        assertThat(run(
                        factory,
                        session -> session.query(User.class)
                                .orderBy(User_.id)
                                .all()
                                .flatMap(user -> user.getAddresses().flux())))
                .isEqualTo(2L * USERS);

        assertThat(selects()).as(counter.statements().toString()).isEqualTo(2);
    }

    @DatabaseTest // #16
    void shouldLoadTheCollectionsOfAQueryConcatMappedInOneQuery(TestDatabase database) {
        SessionFactory factory = seeded(database);

        assertThat(run(
                        factory,
                        session -> session.query(User.class)
                                .orderBy(User_.id)
                                .all()
                                .concatMap(user -> user.getAddresses().flux())))
                .isEqualTo(2L * USERS);

        assertThat(selects()).as(counter.statements().toString()).isEqualTo(2);
    }

    @DatabaseTest // #16
    void shouldLoadTheCollectionsOfAQueryFlatMappedWithAConcurrencyInOneQuery(TestDatabase database) {
        SessionFactory factory = seeded(database);

        assertThat(run(
                        factory,
                        session -> session.query(User.class)
                                .orderBy(User_.id)
                                .all()
                                .flatMap(user -> user.getAddresses().flux(), 4)))
                .isEqualTo(2L * USERS);

        assertThat(selects()).as(counter.statements().toString()).isEqualTo(2);
    }

    @DatabaseTest // #16
    void shouldLoadNestedCollectionsOneQueryPerRelationship(TestDatabase database) {
        SessionFactory factory = seeded(database);

        assertThat(run(
                        factory,
                        session -> session.query(User.class)
                                .orderBy(User_.id)
                                .all()
                                .flatMap(user -> user.getPosts().flux())
                                .flatMap(post -> post.getKeywords().flux())))
                .isEqualTo(2L * USERS);

        assertThat(selects()).as(counter.statements().toString()).isEqualTo(3);
    }

    @DatabaseTest // #16
    void shouldLoadTheReferencesOfAQueryFlatMappedInOneQuery(TestDatabase database) {
        SessionFactory factory = seeded(database);

        List<String> owners = new ArrayList<>();
        assertThat(run(
                        factory,
                        session -> session.query(Address.class)
                                .orderBy(Address_.id)
                                .all()
                                .concatMap(address -> address.getUser().mono())
                                .doOnNext(user -> owners.add(user.getName()))))
                .isEqualTo(2L * USERS);

        assertThat(selects()).as(counter.statements().toString()).isEqualTo(2);
        assertThat(owners.subList(0, 4)).containsExactly("user0", "user0", "user1", "user1");
    }

    @DatabaseTest // #16
    void shouldLoadTheCollectionsOfObjectsFetchedOneByOneInOneQuery(TestDatabase database) {
        SessionFactory factory = seeded(database);
        List<Integer> ids = new ArrayList<>();
        Session keys = open(factory);
        keys.query(User_.id).orderBy(User_.id).all().doOnNext(ids::add).blockLast(WAIT);

        assertThat(run(
                        factory,
                        session -> Flux.fromIterable(ids)
                                .flatMap(id -> session.get(User.class, id))
                                .flatMap(user -> user.getAddresses().flux())))
                .isEqualTo(2L * USERS);

        assertThat(selects()).as(counter.statements().toString()).isEqualTo(USERS + 1);
    }

    @DatabaseTest // #16
    void shouldLoadInBatchesOfTheConfiguredSizeInOnePipeline(TestDatabase database) {
        SessionFactory factory = seeded(database).withLoadBatchSize(10);

        assertThat(run(
                        factory,
                        session -> session.query(User.class)
                                .orderBy(User_.id)
                                .all()
                                .flatMap(user -> user.getAddresses().flux(), 4)))
                .isEqualTo(2L * USERS);

        assertThat(selects()).as(counter.statements().toString()).isEqualTo(1 + USERS / 10);
    }
}
