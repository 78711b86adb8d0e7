package io.sluice.core.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Splits the SQL of a {@link Text} into literal pieces and named parameters. A parameter is a colon followed by a letter or
 * underscore, then letters, digits and underscores; colons inside quotes or comments, a double colon ({@code ::}) and an escaped
 * colon ({@code \:}, sent as {@code :}) are not parameters.
 */
public final class TextParameters {

    /**
     * A piece of the text: literal SQL, or a parameter.
     *
     * @param sql the literal SQL, when {@code parameter} is {@code null}
     * @param parameter the parameter's name, or {@code null}
     */
    public record Piece(String sql, @Nullable String parameter) {}

    private TextParameters() {}

    /**
     * Returns the names of the parameters of a text, in order of first appearance.
     *
     * @param sql the text
     * @return the names
     */
    public static Set<String> names(String sql) {
        Set<String> names = new LinkedHashSet<>();
        for (Piece piece : parse(sql)) {
            if (piece.parameter() != null) {
                names.add(piece.parameter());
            }
        }
        return names;
    }

    /**
     * Returns the pieces of a text, in order.
     *
     * @param sql the text
     * @return the pieces
     */
    public static List<Piece> parse(String sql) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                literal.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                literal.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                literal.append(sql, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
                literal.append(':');
                i += 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                literal.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isStart(sql.charAt(i + 1)) && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < n && isPart(sql.charAt(end))) {
                    end++;
                }
                if (literal.length() > 0) {
                    pieces.add(new Piece(literal.toString(), null));
                    literal.setLength(0);
                }
                pieces.add(new Piece("", sql.substring(i + 1, end)));
                i = end;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            pieces.add(new Piece(literal.toString(), null));
        }
        return pieces;
    }

    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean isStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
