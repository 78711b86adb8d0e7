package io.sluice.benchmarks.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Before any timing: what each Hibernate Reactive arm sends to PostgreSQL, read from {@code hibernate.show_sql}. Skipped
 * outside CI when PostgreSQL is not reachable; under {@code CI=true} that fails the test instead.
 */
final class HibernateStatementCountIntegrationTests {

    private static HibernateArms hibernate;

    @BeforeAll
    static void open() {
        try {
            hibernate = HibernateArms.create(true);
            hibernate.seed();
        } catch (RuntimeException e) {
            String message = "PostgreSQL is not reachable: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: database tests must run, not be skipped)");
            }
            Assumptions.abort(message);
        }
    }

    @AfterAll
    static void close() {
        if (hibernate != null) {
            hibernate.drop();
            hibernate.close();
        }
    }

    /** Runs work and returns the statements Hibernate printed meanwhile. */
    private static List<String> statements(Supplier<?> work) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(work.get()).isNotNull();
        } finally {
            System.setOut(original);
        }
        return Arrays.stream(printed.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.startsWith("Hibernate: "))
                .map(line -> line.substring("Hibernate: ".length()).strip().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    private static long starting(List<String> statements, String keyword) {
        return statements.stream().filter(sql -> sql.startsWith(keyword)).count();
    }

    @Test
    void shouldSendOneSelectForEachRead() {
        long first = hibernate.firstParentId();
        assertThat(statements(() -> HibernateArms.run(hibernate.entities(100)))).hasSize(1);
        assertThat(statements(() -> HibernateArms.run(hibernate.entitiesReadOnly(100))))
                .hasSize(1);
        assertThat(statements(() -> HibernateArms.run(hibernate.tuples(100)))).hasSize(1);
        assertThat(statements(() -> HibernateArms.run(hibernate.get(first)))).hasSize(1);
        List<String> joined = statements(() -> {
            List<HrParent> parents = HibernateArms.run(hibernate.joined(first, 100));
            assertThat(HibernateArms.childCounts(parents)).hasSize(100).containsOnly(10);
            return parents;
        });
        assertThat(joined).hasSize(1);
    }

    @Test
    void shouldLoadChildrenLazilyOneParentAtATime() {
        List<String> lazy = statements(() -> {
            Integer children = HibernateArms.run(hibernate.lazy(100));
            assertThat(children).isEqualTo(1_000);
            return children;
        });
        assertThat(lazy).hasSize(1 + 100);
    }

    @Test
    void shouldUpdateEachLoadedRowInOneBatch() {
        long total = hibernate.amountTotal();
        List<String> update = statements(() -> HibernateArms.run(hibernate.update(100)));
        // hibernate.jdbc.batch_size: the 100 UPDATEs go as one batch (one statement, 100 parameter sets), like the raw
        // add() arm
        assertThat(starting(update, "select")).isEqualTo(1);
        assertThat(starting(update, "update")).isEqualTo(1);
        assertThat(hibernate.amountTotal()).isEqualTo(total + 100);
    }

    @Test
    void shouldInsertOneRowPerStatementWithIdentityKeys() {
        List<String> insert = statements(() -> HibernateArms.run(hibernate.insert(10)));
        assertThat(starting(insert, "insert into bench_parent")).isEqualTo(10);
        assertThat(starting(insert, "insert into bench_child")).isEqualTo(20);
        assertThat(insert).hasSize(30);
        hibernate.seed();
    }
}
