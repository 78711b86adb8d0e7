package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.WAIT;
import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static io.sluice.examples.tutorial.TutorialDatabase.strings;
import static io.sluice.session.LoadOption.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.SQL;
import io.sluice.examples.BlogPost;
import io.sluice.examples.BlogPost_;
import io.sluice.examples.Keyword;
import io.sluice.examples.Keyword_;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;

/**
 * The tutorial's "Building a Many To Many Relationship": wendy's post tagged wendy and firstpost through post_keywords, queried
 * by keyword, by author and through her posts' relationship, then loaded, changed and deleted in later sessions.
 */
final class ManyToManyIntegrationTests {

    private TutorialDatabase db;
    private Session session;
    private User wendy;
    private BlogPost post;

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    /** Commits ed and wendy, then adds wendy's post to a session and tags it wendy and firstpost; nothing is flushed. */
    private void addWendysPost(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        db.commit(List.of(new User("ed", "Ed Jones", "eddie"), new User("wendy", "Wendy Williams", "windy")));
        session = db.open();
        wendy = session.query(User.class).filterBy(User_.name, "wendy").one().block(WAIT);
        post = new BlogPost("Wendy's Blog Post", "This is a test", wendy);
        session.add(post);
        post.getKeywords().add(new Keyword("wendy"));
        post.getKeywords().add(new Keyword("firstpost"));
        db.sql().clear();
    }

    /** Commits wendy's post with its keywords and opens a new session. */
    private void commitWendysPost(TestDatabase database) {
        addWendysPost(database);
        session.commit().block(WAIT);
        session = db.open();
    }

    private List<BlogPost> taggedFirstpost() {
        return list(session.query(BlogPost.class)
                .filter(BlogPost_.keywords.any(Keyword_.keyword.eq("firstpost")))
                .all());
    }

    private List<BlogPost> wendysPostsTaggedFirstpost() {
        return list(wendy.getPosts()
                .query()
                .filter(BlogPost_.keywords.any(Keyword_.keyword.eq("firstpost")))
                .all());
    }

    private BlogPost loadPostWithKeywords() {
        return session.query(BlogPost.class)
                .options(selectinLoad(BlogPost_.keywords))
                .one()
                .block(WAIT);
    }

    @DatabaseTest
    void shouldFindThePostByAKeywordAddedAfterThePost(TestDatabase database) {
        addWendysPost(database);

        assertThat(strings(Flux.fromIterable(taggedFirstpost())))
                .containsExactly("BlogPost(\"Wendy's Blog Post\", 'This is a test', <User(name='wendy', fullname='Wendy"
                        + " Williams', nickname='windy')>)");
    }

    @DatabaseTest
    void shouldInsertThePostAndKeywordsBeforeTheirAssociationRowsAndQueryThroughExists(TestDatabase database) {
        addWendysPost(database);

        taggedFirstpost();

        List<String> statements = db.sql().events();
        // keywords and posts do not depend on each other (either may go first); the association rows come after both
        assertThat(statements.subList(0, 2))
                .anyMatch(event -> event.startsWith("INSERT INTO keywords (keyword) VALUES"))
                .anyMatch(event -> event.startsWith("INSERT INTO posts (user_id, headline, body) VALUES"));
        assertThat(statements.get(2)).startsWith("INSERT INTO post_keywords (post_id, keyword_id) VALUES");
        assertThat(statements.get(3))
                .startsWith("SELECT posts.id")
                .contains("EXISTS (SELECT keywords.id FROM post_keywords, keywords");
    }

    @DatabaseTest
    void shouldBindTheAuthorsKeyInThePostsInsert(TestDatabase database) {
        addWendysPost(database);

        taggedFirstpost();

        assertThat(db.sql().statements().subList(0, 2))
                .anySatisfy(statement -> assertThat(statement.values())
                        .containsExactly(wendy.getId(), "Wendy's Blog Post", "This is a test"));
    }

    @DatabaseTest
    void shouldFindThePostByItsAuthorAndAKeyword(TestDatabase database) {
        addWendysPost(database);

        assertThat(list(session.query(BlogPost.class)
                        .filter(BlogPost_.author.eq(wendy))
                        .filter(BlogPost_.keywords.any(Keyword_.keyword.eq("firstpost")))
                        .all()))
                .containsExactly(post);
    }

    @DatabaseTest
    void shouldFindThePostThroughItsAuthorsPostsQuery(TestDatabase database) {
        addWendysPost(database);

        assertThat(wendysPostsTaggedFirstpost()).containsExactly(post);
    }

    @DatabaseTest
    void shouldFilterTheAuthorsPostsInOneStatement(TestDatabase database) {
        addWendysPost(database);
        session.flush().block(WAIT);
        db.sql().clear();

        wendysPostsTaggedFirstpost();

        assertThat(db.sql().events()).hasSize(1);
        assertThat(db.sql().events().get(0)).contains("WHERE (posts.user_id = ").contains("EXISTS (SELECT keywords.id");
    }

    @DatabaseTest
    void shouldLoadTheKeywordsInTheOrderTheyWereAdded(TestDatabase database) {
        commitWendysPost(database);

        assertThat(loadPostWithKeywords().getKeywords())
                .extracting(Keyword::getKeyword)
                .containsExactly("wendy", "firstpost");
    }

    @DatabaseTest
    void shouldLoadThePostsOfAKeywordFromTheOtherSide(TestDatabase database) {
        commitWendysPost(database);
        BlogPost loaded = loadPostWithKeywords();

        Keyword firstpost = loaded.getKeywords().get(1);

        assertThat(list(firstpost.getPosts().flux())).containsExactly(loaded);
    }

    @DatabaseTest
    void shouldJoinAlongAManyToManyRelationship(TestDatabase database) {
        commitWendysPost(database);

        assertThat(list(session.query(Keyword_.keyword)
                        .join(Keyword_.posts)
                        .filter(BlogPost_.headline.like("Wendy%"))
                        .orderBy(Keyword_.id)
                        .all()))
                .containsExactly("wendy", "firstpost");
    }

    @DatabaseTest
    void shouldUnlinkAKeywordRemovedFromThePost(TestDatabase database) {
        commitWendysPost(database);
        BlogPost loaded = loadPostWithKeywords();

        loaded.getKeywords().remove(0);
        session.commit().block(WAIT);

        BlogPost again = db.open().query(BlogPost.class).one().block(WAIT);
        assertThat(list(again.getKeywords().flux()))
                .extracting(Keyword::getKeyword)
                .containsExactly("firstpost");
    }

    @DatabaseTest
    void shouldDeleteTheAssociationRowsWithThePost(TestDatabase database) {
        commitWendysPost(database);
        BlogPost loaded = session.query(BlogPost.class).one().block(WAIT);
        list(loaded.getKeywords().flux());

        session.delete(loaded);
        session.commit().block(WAIT);

        assertThat(db.engine()
                        .query(SQL.select(SQL.count())
                                .from(TutorialDatabase.MAPPING.metadata().table("post_keywords")))
                        .blockFirst(WAIT)
                        .get(0))
                .isEqualTo(0L);
    }

    @DatabaseTest
    void shouldKeepTheKeywordsOfADeletedPost(TestDatabase database) {
        commitWendysPost(database);
        BlogPost loaded = session.query(BlogPost.class).one().block(WAIT);
        list(loaded.getKeywords().flux());

        session.delete(loaded);
        session.commit().block(WAIT);

        assertThat(session.query(Keyword.class).count().block(WAIT)).isEqualTo(2);
    }
}
