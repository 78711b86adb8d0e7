package io.sluice.session;

import io.sluice.core.sql.BinaryExpression;
import io.sluice.core.sql.BindParameter;
import io.sluice.core.sql.Conjunction;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.InList;
import io.sluice.core.sql.Not;
import io.sluice.core.sql.NullCheck;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A bulk statement's condition evaluated in Java against an object, with SQL's three-valued logic: comparisons with
 * {@code NULL} are unknown, and only a condition that is true matches. Knows the class's own attributes, bound values,
 * comparisons, {@code IN}, {@code IS NULL}, {@code AND}, {@code OR} and {@code NOT}; anything else is refused before the
 * statement is sent.
 */
final class InMemoryCriteria {

    private InMemoryCriteria() {}

    /**
     * Checks that a condition (or a SET value) can be evaluated.
     *
     * @throws UnsupportedOperationException naming the part that cannot, and the alternative
     */
    static void check(EntityModel<?> model, @Nullable Expression<?> expression) {
        if (expression == null) {
            return;
        }
        if (expression instanceof Attribute<?, ?> attribute) {
            if (attribute.source() != model.table() || attribute.isEmbedded()) {
                throw refused(attribute + " (a column of another table, or of an embedded value)");
            }
        } else if (expression instanceof BinaryExpression<?> binary) {
            if (binary.operator().ordinal() > io.sluice.core.sql.Operator.GE.ordinal()) {
                throw refused("the " + binary.operator() + " expression");
            }
            check(model, binary.left());
            check(model, binary.right());
        } else if (expression instanceof InList in) {
            check(model, in.expression());
            in.values().forEach(value -> check(model, value));
        } else if (expression instanceof NullCheck nullCheck) {
            check(model, nullCheck.expression());
        } else if (expression instanceof Not not) {
            check(model, not.condition());
        } else if (expression instanceof Conjunction conjunction) {
            conjunction.conditions().forEach(condition -> check(model, condition));
        } else if (!(expression instanceof BindParameter<?>)) {
            throw refused(expression.getClass().getSimpleName() + " " + expression);
        }
    }

    private static UnsupportedOperationException refused(String what) {
        return new UnsupportedOperationException("Synchronize.EVALUATE cannot evaluate " + what + " in Java: use"
                + " Synchronize.FETCH, which reads the keys of the affected rows instead");
    }

    /** Returns whether the condition is true for the object ({@code null} condition: every object). */
    static boolean matches(@Nullable Expression<Boolean> condition, Object entity) {
        return condition == null || Boolean.TRUE.equals(truth(condition, entity));
    }

    /** Returns the value of a checked expression for the object. */
    @SuppressWarnings("unchecked")
    static @Nullable Object value(Expression<?> expression, Object entity) {
        if (expression instanceof Attribute<?, ?> attribute) {
            return ((Attribute<Object, ?>) attribute).get(entity);
        }
        if (expression instanceof BindParameter<?> bind) {
            return bind.value();
        }
        return truth(expression, entity);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static @Nullable Boolean truth(Expression<?> expression, Object entity) {
        if (expression instanceof Conjunction conjunction) {
            boolean and = conjunction.kind() == Conjunction.Kind.AND;
            Boolean result = and;
            for (Expression<Boolean> part : conjunction.conditions()) {
                Boolean value = truth(part, entity);
                if (value != null && value != and) {
                    return value;
                }
                if (value == null) {
                    result = null;
                }
            }
            return result;
        }
        if (expression instanceof Not not) {
            Boolean value = truth(not.condition(), entity);
            return value == null ? null : !value;
        }
        if (expression instanceof NullCheck nullCheck) {
            return (value(nullCheck.expression(), entity) == null) != nullCheck.negated();
        }
        if (expression instanceof InList in) {
            Object left = value(in.expression(), entity);
            if (left == null) {
                return null;
            }
            boolean found = false;
            for (Expression<?> candidate : in.values()) {
                found |= same(left, value(candidate, entity));
            }
            return found != in.negated();
        }
        if (expression instanceof BinaryExpression<?> binary) {
            Object left = value(binary.left(), entity);
            Object right = value(binary.right(), entity);
            if (left == null || right == null) {
                return null;
            }
            switch (binary.operator()) {
                case EQ:
                    return same(left, right);
                case NE:
                    return !same(left, right);
                default:
                    int order = compare(left, right);
                    switch (binary.operator()) {
                        case LT:
                            return order < 0;
                        case LE:
                            return order <= 0;
                        case GT:
                            return order > 0;
                        default:
                            return order >= 0;
                    }
            }
        }
        Object value = value(expression, entity);
        return value == null ? null : (Boolean) value;
    }

    private static boolean same(Object left, @Nullable Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(left, right);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString()));
        }
        return ((Comparable) left).compareTo(right);
    }
}
