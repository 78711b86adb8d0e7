package io.sluice.core.schema;

import io.sluice.core.sql.ForeignKey;
import io.sluice.core.sql.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders tables so that each comes after the tables its foreign keys reference (self-references aside). */
final class TableSorter {

    private TableSorter() {}

    static List<Table> sort(List<Table> tables) {
        Map<String, Table> byName = new HashMap<>();
        for (Table table : tables) {
            byName.put(table.name(), table);
        }
        List<Table> sorted = new ArrayList<>(tables.size());
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Table table : tables) {
            visit(table, byName, done, visiting, sorted);
        }
        return sorted;
    }

    private static void visit(
            Table table, Map<String, Table> byName, Set<String> done, Set<String> visiting, List<Table> sorted) {
        if (done.contains(table.name())) {
            return;
        }
        if (!visiting.add(table.name())) {
            throw new IllegalStateException("the foreign keys of tables " + visiting
                    + " form a cycle; create one of those keys after the tables, with an ALTER TABLE in SQL.text(...)");
        }
        for (ForeignKey key : table.foreignKeys()) {
            Table referenced = byName.get(key.referencedTable());
            if (referenced != null && referenced != table) {
                visit(referenced, byName, done, visiting, sorted);
            }
        }
        visiting.remove(table.name());
        done.add(table.name());
        sorted.add(table);
    }
}
