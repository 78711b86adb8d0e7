package io.sluice.session.mapping;

import io.sluice.core.sql.Column;
import io.sluice.core.sql.ColumnSource;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.TableAlias;
import io.sluice.core.sql.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Formula}'s SQL split once, when the class is mapped, into text and the names of its table's columns, so that it can be
 * rendered over the table or any alias of it.
 */
final class FormulaText {

    private final List<String> texts;
    private final List<String> columns;
    private final Template<?> onTable;

    private FormulaText(List<String> texts, List<String> columns, Table table, SqlType<?> type) {
        this.texts = List.copyOf(texts);
        this.columns = List.copyOf(columns);
        this.onTable = template(table, type);
    }

    /**
     * Splits a formula: identifiers that name a column of the table (ignoring case) become that column, unless they follow a
     * dot or a {@code ::} cast, come before an opening parenthesis, or stand inside quotes.
     */
    static FormulaText parse(String sql, Table table, SqlType<?> type) {
        Map<String, String> names = new TreeMap<>();
        for (Column<?> column : table.columns()) {
            names.put(column.name().toLowerCase(Locale.ROOT), column.name());
        }
        List<String> texts = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n && sql.charAt(end) != c) {
                    end++;
                }
                end = Math.min(n, end + 1);
                text.append(sql, i, end);
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n
                        && (Character.isLetterOrDigit(sql.charAt(end))
                                || sql.charAt(end) == '_'
                                || sql.charAt(end) == '$')) {
                    end++;
                }
                String word = sql.substring(i, end);
                String column = names.get(word.toLowerCase(Locale.ROOT));
                if (column != null && !qualified(sql, i) && !calls(sql, end)) {
                    texts.add(text.toString());
                    text.setLength(0);
                    columns.add(column);
                } else {
                    text.append(word);
                }
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                text.append(sql, i, end);
                i = end;
            } else {
                text.append(c);
                i++;
            }
        }
        texts.add(text.toString());
        return new FormulaText(texts, columns, table, type);
    }

    private static boolean qualified(String sql, int start) {
        int p = start - 1;
        while (p >= 0 && Character.isWhitespace(sql.charAt(p))) {
            p--;
        }
        return p >= 0 && (sql.charAt(p) == '.' || (sql.charAt(p) == ':' && p > 0 && sql.charAt(p - 1) == ':'));
    }

    private static boolean calls(String sql, int end) {
        int p = end;
        while (p < sql.length() && Character.isWhitespace(sql.charAt(p))) {
            p++;
        }
        return p < sql.length() && sql.charAt(p) == '(';
    }

    /** Returns the formula over the entity's table, made once. */
    Template<?> onTable() {
        return onTable;
    }

    /** Returns the formula over the columns of a table or an alias of it. */
    Template<?> on(ColumnSource source, SqlType<?> type) {
        return source instanceof Table || columns.isEmpty() ? onTable : template(source, type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Template<?> template(ColumnSource source, SqlType<?> type) {
        List<Expression<?>> expressions = new ArrayList<>(columns.size());
        for (String name : columns) {
            Column<?> column = source instanceof TableAlias alias
                    ? alias.column(alias.table().column(name))
                    : source.column(name);
            expressions.add(column);
        }
        return new Template(texts, expressions, type);
    }
}
