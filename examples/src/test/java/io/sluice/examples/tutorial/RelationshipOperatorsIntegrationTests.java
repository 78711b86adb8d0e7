package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.WAIT;
import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.examples.Address;
import io.sluice.examples.Address_;
import io.sluice.examples.BlogPost;
import io.sluice.examples.BlogPost_;
import io.sluice.examples.Keyword;
import io.sluice.examples.Keyword_;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Query;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;

/**
 * SQLAlchemy's relationship operators {@code contains}, {@code with_parent}, {@code !=} and {@code IS NULL} on every kind of
 * relationship (#16). Most tests flush this data in their session: ed has two addresses and a post tagged a and b; jack has
 * one address and a post tagged b; an address belongs to nobody. The last three use the eager-loading data instead (ed,
 * wendy and jack with 3, 0 and 3 addresses).
 */
final class RelationshipOperatorsIntegrationTests {

    private TutorialDatabase db;
    private Session session;
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
        if (db != null) {
            db.close();
        }
    }

    private void seed(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        session = db.open();
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
        db.sql().clear();
    }

    /** Seeds the eager-loading data and returns its jack, loaded by {@link #session}. */
    private User seedThreeAuthors(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        db.seedThreeAuthors();
        session = db.open();
        return session.query(User.class).filterBy(User_.name, "jack").one().block(WAIT);
    }

    private static <T> List<String> names(Query<T> query, Function<T, String> name) {
        return list(query.all().map(name));
    }

    private String lastSelect() {
        List<String> events = db.sql().events();
        return events.get(events.size() - 1);
    }

    private Query<User> ownersOfEdsFirstAddress() {
        return session.query(User.class).filter(User_.addresses.contains(edsFirst));
    }

    private Query<BlogPost> taggedB() {
        return session.query(BlogPost.class)
                .filter(BlogPost_.keywords.contains(b))
                .orderBy(BlogPost_.id);
    }

    private Query<Keyword> edsPostsKeywords() {
        return session.query(Keyword.class)
                .withParent(edsPost, BlogPost_.keywords)
                .orderBy(Keyword_.keyword);
    }

    @DatabaseTest // #16
    void shouldFindTheUserWhoseAddressesContainAnAddress(TestDatabase database) {
        seed(database);

        assertThat(names(ownersOfEdsFirstAddress(), User::getName)).containsExactly("ed");
    }

    @DatabaseTest // #16
    void shouldCompareTheUsersKeyWhenItsAddressesContainAnAddress(TestDatabase database) {
        seed(database);

        names(ownersOfEdsFirstAddress(), User::getName);

        assertThat(lastSelect()).endsWith("WHERE users.id = " + (database == TestDatabase.MARIADB ? "?" : "$1"));
    }

    @DatabaseTest // #16
    void shouldFindEveryPostWhoseKeywordsContainASharedKeyword(TestDatabase database) {
        seed(database);

        assertThat(names(taggedB(), post -> post.getAuthor().get().getName())).containsExactly("ed", "jack");
    }

    @DatabaseTest // #16
    void shouldLookUpTheAssociationTableWhenKeywordsContainAKeyword(TestDatabase database) {
        seed(database);

        names(taggedB(), post -> post.getAuthor().get().getName());

        assertThat(lastSelect()).contains("EXISTS (SELECT post_keywords.post_id FROM post_keywords WHERE");
    }

    @DatabaseTest // #16
    void shouldFindOnlyThePostsWhoseKeywordsContainAKeyword(TestDatabase database) {
        seed(database);

        assertThat(names(
                        session.query(BlogPost.class).filter(BlogPost_.keywords.contains(a)),
                        post -> post.getAuthor().get().getName()))
                .containsExactly("ed");
    }

    @DatabaseTest // #16
    void shouldFindTheKeywordsWhosePostsContainAPostFromTheSideMappedByTheOther(TestDatabase database) {
        seed(database);

        assertThat(names(session.query(Keyword.class).filter(Keyword_.posts.contains(jacksPost)), Keyword::getKeyword))
                .containsExactly("b");
    }

    @DatabaseTest // #16
    void shouldCombineContainsConditionsWithOr(TestDatabase database) {
        seed(database);

        assertThat(names(
                        session.query(User.class)
                                .filter(User_.addresses.contains(edsFirst).or(User_.posts.contains(jacksPost)))
                                .orderBy(User_.id),
                        User::getName))
                .containsExactly("ed", "jack");
    }

    @DatabaseTest // #16
    void shouldFindTheAddressesOfAUserWithParent(TestDatabase database) {
        seed(database);

        assertThat(names(
                        session.query(Address.class)
                                .withParent(ed, User_.addresses)
                                .orderBy(Address_.id),
                        Address::getEmailAddress))
                .containsExactly("ed@google.com", "ed@yahoo.com");
    }

    @DatabaseTest // #16
    void shouldFindTheUserOfAnAddressWithParent(TestDatabase database) {
        seed(database);

        assertThat(names(session.query(User.class).withParent(edsFirst, Address_.user), User::getName))
                .containsExactly("ed");
    }

    @DatabaseTest // #16
    void shouldFindNoUserOfAnAddressWithoutOneWithParent(TestDatabase database) {
        seed(database);

        assertThat(names(session.query(User.class).withParent(nobodys, Address_.user), User::getName))
                .isEmpty();
    }

    @DatabaseTest // #16
    void shouldFindTheKeywordsOfAPostWithParent(TestDatabase database) {
        seed(database);

        assertThat(names(edsPostsKeywords(), Keyword::getKeyword)).containsExactly("a", "b");
    }

    @DatabaseTest // #16
    void shouldLookUpTheAssociationTableForTheKeywordsOfAPostWithParent(TestDatabase database) {
        seed(database);

        names(edsPostsKeywords(), Keyword::getKeyword);

        assertThat(lastSelect()).contains("keywords.id IN (SELECT post_keywords.keyword_id FROM post_keywords WHERE");
    }

    @DatabaseTest // #16
    void shouldFindThePostsOfAKeywordWithParentFromTheSideMappedByTheOther(TestDatabase database) {
        seed(database);

        assertThat(names(
                        session.query(BlogPost.class)
                                .withParent(b, Keyword_.posts)
                                .orderBy(BlogPost_.id),
                        post -> post.getAuthor().get().getName()))
                .containsExactly("ed", "jack");
    }

    @DatabaseTest // #16
    void shouldRestrictARelationshipsQueryToItsParent(TestDatabase database) {
        seed(database);

        assertThat(list(Flux.from(jacksPost.getKeywords().query().all()).map(Keyword::getKeyword)))
                .containsExactly("b");
    }

    @DatabaseTest // #16
    void shouldRefuseContainsOnAReferenceNamingEq(TestDatabase database) {
        seed(database);

        assertThatThrownBy(() -> Address_.user.contains(ed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Address.user is a reference, not a collection: use eq(object) instead");
    }

    @DatabaseTest // #16
    void shouldRefuseContainsOfAnUnflushedAddress(TestDatabase database) {
        seed(database);

        assertThatThrownBy(() -> User_.addresses.contains(new Address("new@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flush it first");
    }

    @DatabaseTest // #16
    void shouldRefuseContainsOfAnUnflushedKeyword(TestDatabase database) {
        seed(database);

        assertThatThrownBy(() -> BlogPost_.keywords.contains(new Keyword("new")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no key yet: flush it first");
    }

    @DatabaseTest // #16
    void shouldRefuseWithParentOfAnObjectOfAnotherClass(TestDatabase database) {
        seed(database);

        assertThatThrownBy(() -> session.query(Address.class).withParent(edsPost, User_.addresses))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a User, which owns User.addresses");
    }

    @DatabaseTest // #16
    void shouldRefuseWithParentOfAnUnflushedPost(TestDatabase database) {
        seed(database);

        assertThatThrownBy(() ->
                        session.query(Keyword.class).withParent(new BlogPost("new", "text", ed), BlogPost_.keywords))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no key yet: flush it first");
    }

    @DatabaseTest
    void shouldFindTheAddressesOfOtherUsersWithNotEquals(TestDatabase database) {
        User jackOfThree = seedThreeAuthors(database);

        assertThat(list(session.query(Address.class)
                        .filter(Address_.user.ne(jackOfThree))
                        .all()))
                .hasSize(3);
    }

    @DatabaseTest
    void shouldFindNoAddressWithoutAUserWithIsNull(TestDatabase database) {
        seedThreeAuthors(database);

        assertThat(list(session.query(Address.class)
                        .filter(Address_.user.isNull())
                        .all()))
                .isEmpty();
    }

    @DatabaseTest
    void shouldFindEveryAddressOfAUserWithParent(TestDatabase database) {
        User jackOfThree = seedThreeAuthors(database);

        assertThat(list(session.query(Address.class)
                        .withParent(jackOfThree, User_.addresses)
                        .all()
                        .map(Address::getEmailAddress)))
                .containsExactlyInAnyOrder("jack1@example.com", "jack2@example.com", "jack3@example.com");
    }
}
