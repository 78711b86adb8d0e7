package io.sluice.core.sql;

import io.sluice.core.Engine;
import io.sluice.core.schema.Metadata;
import io.sluice.testing.Schemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A staff table of a small company for the CTE, window and compound tests: a tree through {@code boss_id}, departments and
 * salaries with ties.
 */
final class SqlMoreFixture {

    static final Table STAFF = Table.builder("sqlmore_staff")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("name", SqlType.varchar(40))
            .notNull()
            .column("boss_id", SqlType.INTEGER)
            .column("dept", SqlType.varchar(10))
            .notNull()
            .column("salary", SqlType.INTEGER)
            .notNull()
            .build();
    static final Metadata METADATA = Metadata.of(STAFF);
    static final Column<Integer> ID = STAFF.column("id", Integer.class);
    static final Column<String> NAME = STAFF.column("name", String.class);
    static final Column<Integer> BOSS = STAFF.column("boss_id", Integer.class);
    static final Column<String> DEPT = STAFF.column("dept", String.class);
    static final Column<Integer> SALARY = STAFF.column("salary", Integer.class);

    private SqlMoreFixture() {}

    /**
     * ann (1) leads bob (2) and cat (3); bob leads dan (4) and eve (5); eve leads fay (6). gus (7) leads nobody and has no boss.
     */
    static void seed(Engine engine) {
        Schemas.recreate(engine, METADATA);
        List<List<?>> rows = new ArrayList<>();
        rows.add(Arrays.asList(1, "ann", null, "board", 300));
        rows.add(Arrays.asList(2, "bob", 1, "dev", 200));
        rows.add(Arrays.asList(3, "cat", 1, "ops", 150));
        rows.add(Arrays.asList(4, "dan", 2, "dev", 120));
        rows.add(Arrays.asList(5, "eve", 2, "dev", 120));
        rows.add(Arrays.asList(6, "fay", 5, "dev", 100));
        rows.add(Arrays.asList(7, "gus", null, "ops", 90));
        Insert insert = SQL.insertInto(STAFF).columns(ID, NAME, BOSS, DEPT, SALARY);
        for (List<?> row : rows) {
            insert = insert.values(row.toArray());
        }
        engine.execute(insert).block(Duration.ofSeconds(10));
    }

    /** The people under ann, with their depth below her (ann is 0). */
    static CommonTableExpression underAnn() {
        return SQL.recursiveCte(
                "tree",
                SQL.select(ID, NAME, SQL.cast(SQL.value(0), SqlType.INTEGER).as("depth"))
                        .where(NAME.eq("ann")),
                tree -> SQL.select(ID, NAME, tree.column("depth", Integer.class).plus(1))
                        .from(STAFF)
                        .join(tree, BOSS.eq(tree.column("id", Integer.class))));
    }
}
