package io.sluice.core.schema;

import io.sluice.core.dialect.Dialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.ForeignKey;
import io.sluice.core.sql.Index;
import io.sluice.core.sql.ReferentialAction;
import io.sluice.core.sql.Sequence;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.Text;
import java.util.ArrayList;
import java.util.List;

/** Writes CREATE TABLE, CREATE INDEX, DROP TABLE, CREATE SEQUENCE and DROP SEQUENCE for a dialect. */
final class DdlWriter {

    private DdlWriter() {}

    static List<String> create(Table table, Dialect dialect, boolean checkFirst) {
        List<String> parts = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            StringBuilder part = new StringBuilder();
            part.append(dialect.quote(column.name())).append(' ').append(dialect.typeName(column.type()));
            Object defaultValue = column.defaultValue();
            if (defaultValue instanceof Text expression) {
                part.append(" DEFAULT ").append(expression.sql());
            } else if (defaultValue != null) {
                part.append(" DEFAULT ").append(dialect.literal(defaultValue));
            }
            String generatedAs = column.generatedAs();
            if (generatedAs != null) {
                part.append(' ').append(dialect.generatedColumnClause(generatedAs));
            }
            if (!column.isNullable()) {
                part.append(" NOT NULL");
            }
            if (column.isAutoIncrement()) {
                part.append(' ').append(dialect.identityClause());
            }
            parts.add(part.toString());
        }
        if (!table.primaryKey().isEmpty()) {
            parts.add("PRIMARY KEY (" + names(table.primaryKey(), dialect) + ")");
        }
        for (List<String> unique : table.uniqueConstraints()) {
            parts.add("UNIQUE (" + names(unique, dialect) + ")");
        }
        for (ForeignKey key : table.foreignKeys()) {
            String part = "FOREIGN KEY (" + names(key.columns(), dialect) + ") REFERENCES "
                    + dialect.quote(key.referencedTable()) + " (" + names(key.referencedColumns(), dialect) + ")";
            if (key.onDelete() != ReferentialAction.NO_ACTION) {
                part += " ON DELETE " + key.onDelete().sql();
            }
            parts.add(part);
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + (checkFirst ? "IF NOT EXISTS " : "") + dialect.quote(table.name()) + " ("
                + String.join(", ", parts) + ")");
        for (Index index : table.indexes()) {
            statements.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
                    + (checkFirst ? "IF NOT EXISTS " : "") + dialect.quote(index.name()) + " ON "
                    + dialect.quote(table.name()) + " (" + names(index.columns(), dialect) + ")");
        }
        return statements;
    }

    static String drop(Table table, Dialect dialect, boolean checkFirst) {
        return "DROP TABLE " + (checkFirst ? "IF EXISTS " : "") + dialect.quote(table.name());
    }

    static String create(Sequence sequence, Dialect dialect, boolean checkFirst) {
        return "CREATE SEQUENCE " + (checkFirst ? "IF NOT EXISTS " : "") + dialect.quote(sequence.name())
                + " START WITH " + sequence.start() + " INCREMENT BY " + sequence.increment();
    }

    static String drop(Sequence sequence, Dialect dialect, boolean checkFirst) {
        return "DROP SEQUENCE " + (checkFirst ? "IF EXISTS " : "") + dialect.quote(sequence.name());
    }

    private static String names(List<String> names, Dialect dialect) {
        List<String> quoted = new ArrayList<>(names.size());
        for (String name : names) {
            quoted.add(dialect.quote(name));
        }
        return String.join(", ", quoted);
    }
}
