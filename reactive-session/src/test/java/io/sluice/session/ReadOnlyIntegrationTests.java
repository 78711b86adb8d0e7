package io.sluice.session;

import static io.sluice.session.LoadOption.joinedLoad;
import static io.sluice.session.LoadOption.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/** Read-only objects on every database: loaded by {@code Query.readOnly()} or set so, never written, still deletable. */
final class ReadOnlyIntegrationTests {

    private static final Mapping MAPPING = Mapping.of(User.class, Address.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        sessions.forEach(
                session -> session.close().onErrorResume(e -> Mono.empty()).block(WAIT));
        opened.forEach(extra -> extra.close().block(WAIT));
        Schemas.drop(engine, MAPPING.metadata());
    }

    private Session open(SessionFactory factory) {
        Session session = factory.open();
        sessions.add(session);
        return session;
    }

    /** Three users (ed, wendy, mary), each with two addresses; returns a factory whose statements the listener records. */
    private SessionFactory seeded(TestDatabase database, RecordingListener listener) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine recorded = database.newEngine(builder -> builder.listener(listener));
        opened.add(recorded);
        SessionFactory factory = SessionFactory.of(recorded, MAPPING);
        factory.inTransaction(session -> {
                    for (String name : List.of("ed", "wendy", "mary")) {
                        User user = new User(name, name + " full", name + "-nick");
                        user.getAddresses().add(new Address(name + "@one.example"));
                        user.getAddresses().add(new Address(name + "@two.example"));
                        session.add(user);
                    }
                    return Mono.empty();
                })
                .blockLast(WAIT);
        listener.clear();
        return factory;
    }

    private List<String> names(SessionFactory factory) {
        return factory.inTransaction(
                        session -> session.query(User_.name).orderBy(User_.id).all())
                .collectList()
                .block(WAIT);
    }

    /** Every user, read-only, in key order, with the given load options. */
    private static List<User> readOnlyUsers(Session session, LoadOption... options) {
        return session.query(User.class)
                .readOnly()
                .options(options)
                .orderBy(User_.id)
                .all()
                .collectList()
                .block(WAIT);
    }

    private static long updates(RecordingListener sql) {
        return sql.events().stream().filter(event -> event.startsWith("UPDATE")).count();
    }

    @DatabaseTest
    void shouldWriteNoColumnChangeOfAReadOnlyObject(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory factory = seeded(database, sql);
        Session session = open(factory);

        List<User> users = readOnlyUsers(session);
        User ed = users.get(0);
        ed.setName("changed while read-only");

        assertThat(session.isReadOnly(ed)).isTrue();
        assertThat(session.dirty()).isEmpty();
        assertThat(session.query(User.class)
                        .filterBy(User_.id, ed.getId())
                        .one()
                        .block(WAIT))
                .as("a later query without the option returns the same object, still read-only")
                .isSameAs(ed);
        assertThat(session.isReadOnly(ed)).isTrue();
        assertThat(ed.getName()).as("the held object keeps its values").isEqualTo("changed while read-only");
        session.commit().block(WAIT);

        assertThat(updates(sql)).isZero();
        assertThat(names(factory)).containsExactly("ed", "wendy", "mary");
    }

    @DatabaseTest
    void shouldLeaveAnObjectTheSessionHoldsAsItIs(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory factory = seeded(database, sql);
        Session session = open(factory);
        User ed = session.query(User.class).filterBy(User_.name, "ed").one().block(WAIT);

        List<User> users = readOnlyUsers(session);
        ed.setNickname("still modifiable");

        assertThat(users.get(0)).isSameAs(ed);
        assertThat(session.isReadOnly(ed)).isFalse();
        assertThat(session.isReadOnly(users.get(1))).isTrue();
        assertThat(session.dirty()).containsExactly(ed);
        session.commit().block(WAIT);
        assertThat(updates(sql)).isEqualTo(1);
        assertThat(factory.inTransaction(check -> check.query(User_.nickname)
                                .filterBy(User_.name, "ed")
                                .one())
                        .blockLast(WAIT))
                .isEqualTo("still modifiable");
    }

    @DatabaseTest
    void shouldTakeTheCurrentValuesAsTheDatabasesWhenMadeModifiable(TestDatabase database) {
        SessionFactory factory = seeded(database, new RecordingListener());
        Session session = open(factory);
        User ed = session.query(User.class)
                .readOnly()
                .filterBy(User_.name, "ed")
                .one()
                .block(WAIT);

        ed.setFullname("changed while read-only");
        session.setReadOnly(ed, false);
        ed.setNickname("changed after");
        assertThat(session.dirty()).containsExactly(ed);
        session.commit().block(WAIT);

        User stored = factory.inTransaction(check ->
                        check.query(User.class).filterBy(User_.name, "ed").one())
                .blockLast(WAIT);
        assertThat(stored.getFullname()).isEqualTo("ed full");
        assertThat(stored.getNickname()).isEqualTo("changed after");

        Session again = open(factory);
        User wendy = again.query(User.class).filterBy(User_.name, "wendy").one().block(WAIT);
        wendy.setNickname("not flushed before read-only");
        again.setReadOnly(wendy, true);
        again.setReadOnly(wendy, false);
        wendy.setFullname("after");
        again.rollback().block(WAIT);
        assertThat(wendy.getNickname())
                .as("a rollback puts back the values from before it was made read-only")
                .isEqualTo("wendy-nick");
        assertThat(wendy.getFullname()).isEqualTo("wendy full");
    }

    @DatabaseTest
    void shouldLoadTheObjectsOfLoadOptionsReadOnlyAndStillCascadeAndDelete(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory factory = seeded(database, sql);
        Session session = open(factory);

        List<User> selectin = readOnlyUsers(session, selectinLoad(User_.addresses));
        User ed = selectin.get(0);
        assertThat(ed.getAddresses()).hasSize(2);
        assertThat(ed.getAddresses())
                .allSatisfy(address -> assertThat(session.isReadOnly(address)).isTrue());

        Address added = new Address("ed@three.example");
        ed.getAddresses().add(added);
        session.delete(ed.getAddresses().get(0));
        ed.setName("not written");
        session.commit().block(WAIT);
        assertThat(updates(sql))
                .as("the new child's INSERT carries the key; nothing is updated")
                .isZero();

        List<String> stored = factory.inTransaction(check -> check.query(Address.class)
                        .filter(Address_.userId.eq(ed.getId()))
                        .orderBy(Address_.id)
                        .all()
                        .map(Address::getEmailAddress))
                .collectList()
                .block(WAIT);
        assertThat(stored)
                .as("the new child is inserted with the read-only parent's key, the deleted one is gone")
                .containsExactly("ed@two.example", "ed@three.example");
        assertThat(names(factory)).containsExactly("ed", "wendy", "mary");

        Session joined = open(factory);
        List<User> users = readOnlyUsers(joined, joinedLoad(User_.addresses));
        assertThat(users).hasSize(3);
        assertThat(users.get(1).getAddresses())
                .hasSize(2)
                .allSatisfy(address -> assertThat(joined.isReadOnly(address)).isTrue());
        User mary = joined.query(User.class).filterBy(User_.name, "mary").one().block(WAIT);
        assertThat(joined.isReadOnly(mary))
                .as("held read-only from the joinedLoad query")
                .isTrue();
    }

    @DatabaseTest
    void shouldLoadReadOnlyEverywhereInASessionWhoseDefaultIsReadOnly(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory factory = seeded(database, sql);
        Session session = open(factory);
        assertThat(session.isDefaultReadOnly()).isFalse();
        session.setDefaultReadOnly(true);

        User ed = session.query(User.class).filterBy(User_.name, "ed").one().block(WAIT);
        List<Address> addresses = ed.getAddresses().flux().collectList().block(WAIT);
        Integer wendyKey =
                session.query(User_.id).filterBy(User_.name, "wendy").one().block(WAIT);
        User wendy = session.get(User.class, wendyKey).block(WAIT);
        User mary = session.query(User.class)
                .readOnly(false)
                .filterBy(User_.name, "mary")
                .one()
                .block(WAIT);

        assertThat(session.isReadOnly(ed)).as("query").isTrue();
        assertThat(addresses)
                .hasSize(2)
                .allSatisfy(address ->
                        assertThat(session.isReadOnly(address)).as("lazy load").isTrue());
        assertThat(session.isReadOnly(wendy)).as("get").isTrue();
        assertThat(session.isReadOnly(mary))
                .as("readOnly(false) overrides the default")
                .isFalse();
        ed.setName("not written");
        wendy.setName("not written either");
        mary.setName("mary, changed");
        session.commit().block(WAIT);

        assertThat(updates(sql)).isEqualTo(1);
        assertThat(names(factory)).containsExactly("ed", "wendy", "mary, changed");
    }

    @DatabaseTest
    void shouldRefuseToSetAPendingOrUnknownObject(TestDatabase database) {
        SessionFactory factory = seeded(database, new RecordingListener());
        Session session = open(factory);
        User pending = new User("new", "New", "n");
        session.add(pending);

        assertThat(session.isReadOnly(pending)).isFalse();
        assertThatThrownBy(() -> session.setReadOnly(pending, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is pending");
        User stranger = new User("stranger", "S", "s");
        assertThatThrownBy(() -> session.setReadOnly(stranger, true))
                .isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("is not in this session");
        assertThatThrownBy(() -> session.isReadOnly(stranger)).isInstanceOf(DetachedInstanceException.class);
    }
}
