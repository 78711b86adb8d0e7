package io.sluice.session.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.session.Query;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;

/**
 * SQLAlchemy's relationship operators {@code contains} and {@code with_parent} on every kind of relationship (#16): ed has two
 * addresses and a post tagged a and b; jack has one address and a post tagged b; an address belongs to nobody.
 */
final class RelationshipOperatorsIntegrationTests {

    static final Mapping MAPPING = Mapping.of(User.class, Address.class, BlogPost.class, Keyword.class);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Engine engine = TestDatabase.H2.engine();
    private Engine recorded;
    private Session session;
    private final RecordingListener sql = new RecordingListener();
    private User ed;
    private User jack;
    private Address edsFirst;
    private Address nobodys;
    private BlogPost edsPost;
    private BlogPost jacksPost;
    private Keyword a;
    private Keyword b;

    @AfterEach
    void cleanUp() {
        if (session != null) {
            session.close().block(WAIT);
        }
        if (recorded != null) {
            recorded.close().block(WAIT);
        }
        Schemas.drop(engine, MAPPING.metadata());
    }

    private void seed(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = database.newEngine(builder -> builder.listener(sql));
        session = SessionFactory.of(recorded, MAPPING).open();
        ed = new User("ed", "Ed Jones", "eddie");
        jack = new User("jack", "Jack Bean", "gjffdd");
        edsFirst = new Address("ed@google.com");
        ed.getAddresses().addAll(List.of(edsFirst, new Address("ed@yahoo.com")));
        jack.getAddresses().add(new Address("jack@google.com"));
        nobodys = new Address("nobody@example.com");
        a = new Keyword("a");
        b = new Keyword("b");
        edsPost = new BlogPost("ed's post", "text", ed);
        edsPost.getKeywords().addAll(List.of(a, b));
        jacksPost = new BlogPost("jack's post", "text", jack);
        jacksPost.getKeywords().add(b);
        session.addAll(List.of(ed, jack, nobodys, edsPost, jacksPost));
        session.flush().block(WAIT);
        sql.clear();
    }

    private <T> List<String> names(Query<T> query, Function<T, String> name) {
        return query.all().map(name).collectList().block(WAIT);
    }

    private String lastSelect() {
        List<String> events = sql.events();
        return events.get(events.size() - 1);
    }

    @DatabaseTest // #16
    void shouldFindTheOwnersOfACollectionThatContainsAnObject(TestDatabase database) {
        seed(database);

        assertThat(names(session.query(User.class).filter(User_.addresses.contains(edsFirst)), User::getName))
                .containsExactly("ed");
        assertThat(lastSelect()).endsWith("WHERE users.id = " + (database == TestDatabase.MARIADB ? "?" : "$1"));
        assertThat(names(
                        session.query(BlogPost.class)
                                .filter(BlogPost_.keywords.contains(b))
                                .orderBy(BlogPost_.id),
                        post -> post.getAuthor().get().getName()))
                .containsExactly("ed", "jack");
        assertThat(lastSelect()).contains("EXISTS (SELECT post_keywords.post_id FROM post_keywords WHERE");
        assertThat(names(
                        session.query(BlogPost.class).filter(BlogPost_.keywords.contains(a)),
                        post -> post.getAuthor().get().getName()))
                .containsExactly("ed");
        // from the side mapped by the other
        assertThat(names(session.query(Keyword.class).filter(Keyword_.posts.contains(jacksPost)), Keyword::getKeyword))
                .containsExactly("b");
        assertThat(names(
                        session.query(User.class)
                                .filter(User_.addresses.contains(edsFirst).or(User_.posts.contains(jacksPost)))
                                .orderBy(User_.id),
                        User::getName))
                .containsExactly("ed", "jack");
    }

    @DatabaseTest // #16
    void shouldQueryWhatARelationshipOfAParentHoldsWhateverItsKind(TestDatabase database) {
        seed(database);

        assertThat(names(
                        session.query(Address.class)
                                .withParent(ed, User_.addresses)
                                .orderBy(Address_.id),
                        Address::getEmailAddress))
                .containsExactly("ed@google.com", "ed@yahoo.com");
        assertThat(names(session.query(User.class).withParent(edsFirst, Address_.user), User::getName))
                .containsExactly("ed");
        assertThat(names(session.query(User.class).withParent(nobodys, Address_.user), User::getName))
                .isEmpty();
        assertThat(names(
                        session.query(Keyword.class)
                                .withParent(edsPost, BlogPost_.keywords)
                                .orderBy(Keyword_.keyword),
                        Keyword::getKeyword))
                .containsExactly("a", "b");
        assertThat(lastSelect()).contains("keywords.id IN (SELECT post_keywords.keyword_id FROM post_keywords WHERE");
        assertThat(names(
                        session.query(BlogPost.class)
                                .withParent(b, Keyword_.posts)
                                .orderBy(BlogPost_.id),
                        post -> post.getAuthor().get().getName()))
                .containsExactly("ed", "jack");
        // a relationship's query() is the same restriction
        assertThat(Flux.from(jacksPost.getKeywords().query().all())
                        .map(Keyword::getKeyword)
                        .collectList()
                        .block(WAIT))
                .containsExactly("b");
    }

    @DatabaseTest // #16
    void shouldRefuseOperatorsThatCannotApplyWithTheReasonAndTheFix(TestDatabase database) {
        seed(database);

        assertThatThrownBy(() -> Address_.user.contains(ed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Address.user is a reference, not a collection: use eq(object) instead");
        assertThatThrownBy(() -> User_.addresses.contains(new Address("new@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flush it first");
        assertThatThrownBy(() -> BlogPost_.keywords.contains(new Keyword("new")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no key yet: flush it first");
        assertThatThrownBy(() -> session.query(Address.class).withParent(edsPost, User_.addresses))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a User, which owns User.addresses");
        assertThatThrownBy(() ->
                        session.query(Keyword.class).withParent(new BlogPost("new", "text", ed), BlogPost_.keywords))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no key yet: flush it first");
    }
}
