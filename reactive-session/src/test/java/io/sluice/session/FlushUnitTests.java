package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.mapping.Mapping;
import io.sluice.testing.NullBind;
import io.sluice.testing.Rows;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

/**
 * The statements a flush sends, exactly and in order, with their binds, on each dialect: a scripted connection stands in for
 * the database (the database tests, {@link FlushIntegrationTests}, check the same flushes against real ones).
 */
final class FlushUnitTests {

    private static final String SELECT_USER =
            "SELECT users.id, users.name, users.fullname, users.nickname FROM users WHERE users.id = ?";
    private static final Rows USER_ROW = Rows.of("id", "name", "fullname", "nickname");
    private static final String SELECT_ACCOUNT =
            "SELECT session_accounts.id, session_accounts.code, session_accounts.balance, session_accounts.version"
                    + " FROM session_accounts WHERE session_accounts.id = ?";
    private static final Rows ACCOUNT_ROW = Rows.of("id", "code", "balance", "version");

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();
    private final ScriptedSessions sessions = new ScriptedSessions(database);

    @AfterEach
    void close() {
        sessions.close();
    }

    private static <T> T get(Session session, Class<T> type, Object id) {
        return session.get(type, id).block(Duration.ofSeconds(5));
    }

    private void flush(Session session) {
        session.flush().as(StepVerifier::create).verifyComplete();
        database.verify();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldInsertTheParentBeforeItsChildrenWithItsGeneratedKey(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(User.class));
        User jack = new User("jack", "Jack Bean", "gjffdd");
        jack.getAddresses().addAll(List.of(new Address("jack@google.com"), new Address("j25@yahoo.com")));
        session.add(jack);
        dialect.expectInsert(
                        database, "INSERT INTO users (name, fullname, nickname) VALUES (?, ?, ?)", "id", List.of(5))
                .withBinds("jack", "Jack Bean", "gjffdd");
        dialect.expectInsert(
                        database,
                        "INSERT INTO addresses (email_address, user_id) VALUES (?, ?), (?, ?)",
                        "id",
                        List.of(11, 12))
                .withBinds("jack@google.com", 5, "j25@yahoo.com", 5);

        flush(session);

        assertThat(database.events()).hasSize(3).first().isEqualTo("BEGIN");
        assertThat(jack.getId()).isEqualTo(5);
        assertThat(jack.getAddresses()).extracting(Address::getId).containsExactly(11, 12);
        assertThat(jack.getAddresses()).extracting(Address::getUserId).containsExactly(5, 5);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldUpdateOnlyTheChangedColumns(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(User.class));
        database.expect(dialect.sql(SELECT_USER))
                .withBinds(1)
                .returnRows(USER_ROW.row(1, "ed", "Ed Jones", "edsnickname"));
        database.expect(dialect.sql("UPDATE users SET nickname = ? WHERE users.id = ?"))
                .withBinds("eddie", 1);
        User ed = get(session, User.class, 1);
        ed.setNickname("eddie");
        ed.setFullname("Ed Jones");

        flush(session);

        assertThat(session.dirty()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldSendNothingWhenNoLoadedObjectChanged(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(User.class));
        database.expect(dialect.sql(SELECT_USER)).withBinds(1).returnRows(USER_ROW.row(1, "ed", "Ed Jones", "eddie"));
        User ed = get(session, User.class, 1);
        ed.setNickname(new String("eddie"));

        flush(session);

        assertThat(database.statements()).containsExactly(dialect.sql(SELECT_USER));
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldDeleteTheChildrenBeforeTheirParentWhenDeletesCascade(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(io.sluice.session.cascade.User.class));
        database.expect(dialect.sql(SELECT_USER))
                .withBinds(5)
                .returnRows(USER_ROW.row(5, "jack", "Jack Bean", "gjffdd"));
        database.expect(dialect.sql("SELECT addresses.id, addresses.email_address, addresses.user_id FROM addresses"
                        + " WHERE addresses.user_id IN (?) ORDER BY addresses.user_id, addresses.id"))
                .withBinds(5)
                .returnRows(Rows.of("id", "email_address", "user_id")
                        .row(11, "jack@google.com", 5)
                        .row(12, "j25@yahoo.com", 5));
        database.expect(dialect.sql("DELETE FROM addresses WHERE addresses.id IN (?, ?)"))
                .withBinds(11, 12);
        database.expect(dialect.sql("DELETE FROM users WHERE users.id = ?")).withBinds(5);
        var jack = get(session, io.sluice.session.cascade.User.class, 5);
        var addresses = jack.getAddresses().flux().collectList().block(Duration.ofSeconds(5));
        session.delete(jack);

        flush(session);

        assertThat(session.contains(jack)).isFalse();
        assertThat(addresses).noneMatch(session::contains);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldClearTheChildrensForeignKeyBeforeDeletingTheirParentWhenDeletesDoNotCascade(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(User.class));
        database.expect(dialect.sql(SELECT_USER))
                .withBinds(5)
                .returnRows(USER_ROW.row(5, "jack", "Jack Bean", "gjffdd"));
        database.expect(dialect.sql("SELECT addresses.id, addresses.email_address, addresses.user_id FROM addresses"
                        + " WHERE addresses.user_id IN (?) ORDER BY addresses.user_id, addresses.id"))
                .withBinds(5)
                .returnRows(Rows.of("id", "email_address", "user_id")
                        .row(11, "jack@google.com", 5)
                        .row(12, "j25@yahoo.com", 5));
        NullBind none = NullBind.of(Integer.class);
        switch (dialect) {
            case H2 ->
                database.expect("UPDATE addresses SET user_id = $1 WHERE addresses.id = $2")
                        .withBinds(none, 11)
                        .andBinds(none, 12)
                        .returnUpdateCount(1, 1);
            case POSTGRESQL ->
                database.expect("UPDATE addresses SET user_id = sluice_rows.s0 FROM (VALUES ($1, $2), ($3, $4))"
                                + " AS sluice_rows (m0, s0) WHERE addresses.id = sluice_rows.m0")
                        .withBinds(11, none, 12, none)
                        .returnUpdateCount(2);
            case MARIADB ->
                database.expect("UPDATE addresses JOIN (SELECT ? AS m0, ? AS s0 UNION ALL SELECT ?, ?) AS sluice_rows"
                                + " ON addresses.id = sluice_rows.m0 SET addresses.user_id = sluice_rows.s0")
                        .withBinds(11, none, 12, none)
                        .returnUpdateCount(2);
        }
        // the posts are not loaded: their foreign key is cleared by the parent's key
        database.expect(dialect.sql("UPDATE posts SET user_id = ? WHERE posts.user_id = ?"))
                .withBinds(none, 5)
                .returnUpdateCount(0);
        database.expect(dialect.sql("DELETE FROM users WHERE users.id = ?")).withBinds(5);
        User jack = get(session, User.class, 5);
        List<Address> addresses = jack.getAddresses().flux().collectList().block(Duration.ofSeconds(5));
        session.delete(jack);

        flush(session);

        assertThat(addresses).extracting(Address::getUserId).containsOnlyNulls();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldInsertAssociationRowsAfterTheEntitiesTheyLink(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(User.class));
        database.expect(dialect.sql(SELECT_USER))
                .withBinds(2)
                .returnRows(USER_ROW.row(2, "wendy", "Wendy Williams", "windy"));
        dialect.expectInsert(database, "INSERT INTO posts (user_id, headline, body) VALUES (?, ?, ?)", "id", List.of(1))
                .withBinds(2, "Wendy's Blog Post", "This is a test");
        dialect.expectInsert(database, "INSERT INTO keywords (keyword) VALUES (?), (?)", "id", List.of(1, 2))
                .withBinds("wendy", "firstpost");
        database.expect(dialect.sql("INSERT INTO post_keywords (post_id, keyword_id) VALUES (?, ?), (?, ?)"))
                .withBinds(1, 1, 1, 2);
        User wendy = get(session, User.class, 2);
        BlogPost post = new BlogPost("Wendy's Blog Post", "This is a test", wendy);
        post.getKeywords().addAll(List.of(new Keyword("wendy"), new Keyword("firstpost")));
        session.add(post);

        flush(session);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldDeleteTheAssociationRowOfAnObjectRemovedFromAManyToMany(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(User.class));
        database.expect(dialect.sql(
                        "SELECT posts.id, posts.user_id, posts.headline, posts.body FROM posts WHERE posts.id = ?"))
                .withBinds(1)
                .returnRows(
                        Rows.of("id", "user_id", "headline", "body").row(1, 2, "Wendy's Blog Post", "This is a test"));
        database.expect(dialect.sql("SELECT keywords.id, keywords.keyword, post_keywords.post_id FROM keywords"
                        + " JOIN post_keywords ON keywords.id = post_keywords.keyword_id"
                        + " WHERE post_keywords.post_id IN (?) ORDER BY post_keywords.post_id, keywords.id"))
                .withBinds(1)
                .returnRows(
                        Rows.of("id", "keyword", "post_id").row(1, "wendy", 1).row(2, "firstpost", 1));
        database.expect(
                        dialect.sql(
                                "DELETE FROM post_keywords WHERE (post_keywords.post_id = ?) AND (post_keywords.keyword_id = ?)"))
                .withBinds(1, 1);
        BlogPost post = get(session, BlogPost.class, 1);
        List<Keyword> keywords = post.getKeywords().flux().collectList().block(Duration.ofSeconds(5));
        post.getKeywords().remove(keywords.get(0));

        flush(session);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldChunkMultiRowInsertsAtTheFlushBatchSize(ScriptedDialect dialect) {
        Session session = sessions.open(
                sessions.factory(dialect, Mapping.of(LedgerEntry.class)).withFlushBatchSize(2));
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            entries.add(new LedgerEntry("entry " + i));
        }
        session.addAll(entries);
        String insert = "INSERT INTO sluice_context_entries (name) VALUES ";
        dialect.expectInsert(database, insert + "(?), (?)", "id", List.of(1L, 2L))
                .withBinds("entry 1", "entry 2");
        dialect.expectInsert(database, insert + "(?), (?)", "id", List.of(3L, 4L))
                .withBinds("entry 3", "entry 4");
        dialect.expectInsert(database, insert + "(?)", "id", List.of(5L)).withBinds("entry 5");

        flush(session);

        assertThat(entries).extracting(LedgerEntry::getId).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldInsertAVersionedObjectWithVersionOne(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(Account.class));
        Account account = new Account("a1", "10.00");
        session.add(account);
        dialect.expectInsert(
                        database,
                        "INSERT INTO session_accounts (code, balance, version) VALUES (?, ?, ?)",
                        "id",
                        List.of(7L))
                .withBinds("a1", new BigDecimal("10.00"), 1L);

        flush(session);

        assertThat(account.getVersion()).isEqualTo(1L);
        assertThat(account.getId()).isEqualTo(7L);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldUpdateAVersionedObjectWhereItsVersionIsUnchangedAndIncrementIt(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(Account.class));
        database.expect(dialect.sql(SELECT_ACCOUNT))
                .withBinds(7L)
                .returnRows(ACCOUNT_ROW.row(7L, "a1", new BigDecimal("10.00"), 1L));
        database.expect(dialect.sql("UPDATE session_accounts SET balance = ?, version = ?"
                        + " WHERE (session_accounts.id = ?) AND (session_accounts.version = ?)"))
                .withBinds(new BigDecimal("12.50"), 2L, 7L, 1L);
        Account account = get(session, Account.class, 7L);
        account.setBalance(new BigDecimal("12.50"));

        flush(session);

        assertThat(account.getVersion()).isEqualTo(2L);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldFailAsStaleAndRollBackWhenTheVersionedUpdateMatchesNoRow(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(Account.class));
        database.expect(dialect.sql(SELECT_ACCOUNT))
                .withBinds(7L)
                .returnRows(ACCOUNT_ROW.row(7L, "a1", new BigDecimal("10.00"), 1L));
        database.expect(dialect.sql("UPDATE session_accounts SET balance = ?, version = ?"
                        + " WHERE (session_accounts.id = ?) AND (session_accounts.version = ?)"))
                .withBinds(new BigDecimal("12.50"), 2L, 7L, 1L)
                .returnUpdateCount(0);
        Account account = get(session, Account.class, 7L);
        account.setBalance(new BigDecimal("12.50"));

        session.flush()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(StaleObjectException.class)
                        .hasMessage("UPDATE of Account with key [7] expected to change 1 row but matched 0: the row was"
                                + " changed or deleted by another transaction since it was loaded"))
                .verify(Duration.ofSeconds(5));

        database.verify();
        assertThat(database.events()).endsWith("ROLLBACK");
        assertThat(account.getVersion()).isEqualTo(1L);
        assertThat(account.getBalance()).isEqualByComparingTo("12.50");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldUpdateManyObjectsOfOneShapeInOneStatementWhereTheDialectCan(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(Account.class));
        database.expect(dialect.sql(
                        "SELECT session_accounts.id, session_accounts.code, session_accounts.balance, session_accounts.version"
                                + " FROM session_accounts ORDER BY session_accounts.id"))
                .withBinds()
                .returnRows(ACCOUNT_ROW
                        .row(7L, "a1", new BigDecimal("10.00"), 1L)
                        .row(8L, "a2", new BigDecimal("20.00"), 3L));
        switch (dialect) {
            case H2 ->
                database.expect(dialect.sql("UPDATE session_accounts SET balance = ?, version = ?"
                                + " WHERE (session_accounts.id = ?) AND (session_accounts.version = ?)"))
                        .withBinds(new BigDecimal("11.00"), 2L, 7L, 1L)
                        .andBinds(new BigDecimal("21.00"), 4L, 8L, 3L)
                        .returnUpdateCount(1, 1);
            case POSTGRESQL ->
                database.expect(
                                "UPDATE session_accounts SET balance = sluice_rows.s0, version = sluice_rows.s1"
                                        + " FROM (VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)) AS sluice_rows (m0, m1, s0, s1)"
                                        + " WHERE session_accounts.id = sluice_rows.m0 AND session_accounts.version = sluice_rows.m1")
                        .withBinds(7L, 1L, new BigDecimal("11.00"), 2L, 8L, 3L, new BigDecimal("21.00"), 4L)
                        .returnUpdateCount(2);
            case MARIADB ->
                database.expect(
                                "UPDATE session_accounts JOIN (SELECT ? AS m0, ? AS m1, ? AS s0, ? AS s1"
                                        + " UNION ALL SELECT ?, ?, ?, ?) AS sluice_rows ON session_accounts.id = sluice_rows.m0"
                                        + " AND session_accounts.version = sluice_rows.m1"
                                        + " SET session_accounts.balance = sluice_rows.s0, session_accounts.version = sluice_rows.s1")
                        .withBinds(7L, 1L, new BigDecimal("11.00"), 2L, 8L, 3L, new BigDecimal("21.00"), 4L)
                        .returnUpdateCount(2);
        }
        List<Account> accounts = session.query(Account.class)
                .orderBy(Account_.id)
                .all()
                .collectList()
                .block(Duration.ofSeconds(5));
        accounts.forEach(account -> account.setBalance(account.getBalance().add(BigDecimal.ONE)));

        flush(session);

        assertThat(accounts).extracting(Account::getVersion).containsExactly(2L, 4L);
    }
}
