package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trusted SQL fragment written by the developer around expressions, rendered in parentheses as {@code (texts[0] expressions[0]
 * texts[1] ... texts[n])}: the expressions (columns, typically) are rendered, qualified and quoted by the dialect, and the texts
 * are written as they are. The texts are never parsed for parameters and never hold values: values are bound expressions.
 *
 * <p>The ORM layer uses it for mapped formulas ({@code @Formula("price * quantity")}), whose columns follow the table or alias
 * the entity is read from.
 *
 * @param texts the text before, between and after the expressions: one more than there are expressions
 * @param expressions the expressions between the texts
 * @param type the type of the values, or {@code null} where unknown
 * @param <T> the Java type of the values
 */
public record Template<T>(
        List<String> texts,
        List<Expression<?>> expressions,
        @Nullable SqlType<T> type) implements Expression<T> {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a list is {@code null} or there is not one more text than expressions
     */
    public Template {
        texts = List.copyOf(Assert.requireNonNull(texts, "texts must not be null"));
        expressions = List.copyOf(Assert.requireNonNull(expressions, "expressions must not be null"));
        Assert.isTrue(
                texts.size() == expressions.size() + 1,
                "a template has one more text than expressions, had " + texts.size() + " and " + expressions.size());
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitTemplate(this);
    }
}
