package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.mapping.Mapping;
import io.sluice.testing.Executed;
import io.sluice.testing.Rows;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

/**
 * The statements of a flush of objects with sequence and UUID keys, exactly and in order, on each dialect: keys are taken
 * before the INSERTs, a block serves later flushes, and the INSERTs read nothing back.
 */
final class FlushKeysUnitTests {

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();
    private final ScriptedSessions sessions = new ScriptedSessions(database);

    @AfterEach
    void close() {
        sessions.close();
    }

    private static String nextValue(ScriptedDialect dialect, String sequence) {
        return dialect == ScriptedDialect.POSTGRESQL
                ? "SELECT nextval('" + sequence + "')"
                : "SELECT NEXT VALUE FOR " + sequence;
    }

    private void flush(Session session) {
        session.flush().as(StepVerifier::create).verifyComplete();
        database.verify();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldTakeSequenceKeysBeforeTheInsertsAndKeepTheRestOfTheBlock(ScriptedDialect dialect) {
        SessionFactory factory = sessions.factory(dialect, Mapping.of(SeqParent.class));
        Session session = sessions.open(factory);
        SeqParent ann = new SeqParent("ann").addChild(new SeqChild("ann-0"));
        SeqParent bob = new SeqParent("bob").addChild(new SeqChild("bob-0")).addChild(new SeqChild("bob-1"));
        session.addAll(List.of(ann, bob));
        database.expect(nextValue(dialect, "seq_parent_ids"))
                .returnRows(Rows.of("v").row(51L));
        database.expect(dialect.sql("INSERT INTO seq_parents (id, name) VALUES (?, ?), (?, ?)"))
                .withBinds(51L, "ann", 52L, "bob");
        database.expect(nextValue(dialect, "seq_child_ids"))
                .returnRows(Rows.of("v").row(1L));
        database.expect(dialect.sql(
                        "INSERT INTO seq_children (id, code, parent_id) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)"))
                .withBinds(1, "ann-0", 51L, 2, "bob-0", 52L, 3, "bob-1", 52L);

        flush(session);

        assertThat(ann.getId()).isEqualTo(51L);
        assertThat(bob.getChildren()).extracting(SeqChild::getId).containsExactly(2, 3);

        Session next = sessions.open(factory);
        SeqParent cy = new SeqParent("cy");
        next.add(cy);
        database.expect(dialect.sql("INSERT INTO seq_parents (id, name) VALUES (?, ?)"))
                .withBinds(53L, "cy");

        flush(next);

        assertThat(cy.getId()).isEqualTo(53L);
        assertThat(database.statements()).noneMatch(sql -> sql.contains("RETURNING"));
        assertThat(database.executed())
                .allSatisfy(executed -> assertThat(executed.generatedColumns()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldPutSequenceKeysBackWhenTheInsertFails(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(SeqParent.class));
        SeqParent ann = new SeqParent("ann");
        session.add(ann);
        database.expect(nextValue(dialect, "seq_parent_ids"))
                .returnRows(Rows.of("v").row(1L));
        database.expect(dialect.sql("INSERT INTO seq_parents (id, name) VALUES (?, ?)"))
                .withBinds(1L, "ann")
                .fail(new io.r2dbc.spi.R2dbcDataIntegrityViolationException("duplicate"));

        session.flush().as(StepVerifier::create).expectError().verify();

        assertThat(ann.getId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldInsertUuidKeysWithoutReadingKeysBack(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(UuidItem.class));
        UuidItem first = new UuidItem("first");
        UuidItem second = new UuidItem("second");
        session.addAll(List.of(first, second));
        database.expect(dialect.sql("INSERT INTO uuid_items (id, name) VALUES (?, ?), (?, ?)"));

        flush(session);

        assertThat(first.getId().version()).isEqualTo(7);
        assertThat(first.getId().toString()).isLessThan(second.getId().toString());
        Executed insert = database.executed().get(database.executed().size() - 1);
        assertThat(insert.generatedColumns()).isEmpty();
        assertThat(insert.bindings().get(0).values())
                .extracting(String::valueOf)
                .contains(first.getId().toString(), second.getId().toString());
    }
}
