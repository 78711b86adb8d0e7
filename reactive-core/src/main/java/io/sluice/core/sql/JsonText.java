package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;

/**
 * The text of the value at a path inside a JSON document ({@link SQL#jsonText}), written by the dialect with the path sent as
 * bind parameters.
 *
 * @param json the JSON document
 * @param path the path: object keys, and array indexes written as digits; at least one element
 */
public record JsonText(Expression<?> json, List<String> path) implements Expression<String> {

    /**
     * Checks and copies the path.
     *
     * @throws IllegalArgumentException if {@code json} or {@code path} is {@code null}, the path is empty, or an element is
     *     {@code null}, empty, or holds a double quote, a backslash or a control character
     */
    public JsonText {
        Assert.requireNonNull(json, "json must not be null");
        Assert.requireNonNull(path, "path must not be null");
        Assert.isTrue(!path.isEmpty(), "a JSON path needs at least one element");
        for (String element : path) {
            Assert.requireNonNull(element, "JSON path elements must not be null");
            Assert.isTrue(!element.isEmpty(), "JSON path elements must not be empty");
            for (int i = 0; i < element.length(); i++) {
                char c = element.charAt(i);
                Assert.isTrue(
                        c != '"' && c != '\\' && !Character.isISOControl(c),
                        "JSON path element '" + element + "' holds a double quote, a backslash or a control character,"
                                + " which a JSON path cannot name on every database");
            }
        }
        path = List.copyOf(path);
    }

    /**
     * Returns whether a path element is an array index: digits only.
     *
     * @param element a path element
     * @return {@code true} if it is an index
     */
    public static boolean isIndex(String element) {
        Assert.requireNonNull(element, "element must not be null");
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !element.isEmpty();
    }

    @Override
    public SqlType<String> type() {
        return SqlType.TEXT;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitJsonText(this);
    }
}
