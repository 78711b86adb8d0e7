package io.sluice.testing;

import io.r2dbc.spi.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * One statement a {@link ScriptedConnectionFactory} expects: its exact SQL, optionally its binds, and what it answers. Unless
 * told otherwise it answers an update count of 1 for each set of binds, and its binds are not checked.
 *
 * <pre>{@code
 * factory.expect("SELECT users.id, users.name FROM users WHERE users.name = $1")
 *         .withBinds("ed")
 *         .returnRows(Rows.of("id", "name").row(1, "ed"));
 * }</pre>
 */
public final class Expectation {

    private final String sql;
    private @Nullable List<List<@Nullable Object>> bindings;
    private @Nullable Rows rows;
    private @Nullable Rows generatedKeys;
    private long @Nullable [] counts;
    private @Nullable Throwable error;

    Expectation(String sql) {
        this.sql = Objects.requireNonNull(sql, "sql must not be null");
    }

    /**
     * Expects the statement to be executed with exactly these binds, in index order, as one set. A {@code null} expects a
     * {@code NULL} of any type; a {@link NullBind} one of exactly that type. Values are compared with {@code equals}, so
     * {@code 1} and {@code 1L} differ.
     *
     * @param values the expected values; none for a statement without binds
     * @return this expectation
     */
    public Expectation withBinds(@Nullable Object... values) {
        List<List<@Nullable Object>> sets = new ArrayList<>();
        sets.add(Arrays.asList(values.clone()));
        this.bindings = sets;
        return this;
    }

    /**
     * Expects one more set of binds, added to the statement with {@code Statement.add()}, after those already expected.
     *
     * @param values the expected values of that set
     * @return this expectation
     * @throws IllegalStateException if no binds were expected before ({@link #withBinds})
     */
    public Expectation andBinds(@Nullable Object... values) {
        if (bindings == null) {
            throw new IllegalStateException("give the first set of binds with withBinds");
        }
        bindings.add(Arrays.asList(values.clone()));
        return this;
    }

    /**
     * Answers with rows, as a query or a statement with {@code RETURNING} does.
     *
     * @param rows the rows
     * @return this expectation
     */
    public Expectation returnRows(Rows rows) {
        this.rows = Objects.requireNonNull(rows, "rows must not be null");
        return this;
    }

    /**
     * Answers with generated values, and expects the statement to have asked for exactly those columns with {@code
     * Statement.returnGeneratedValues}: one result of the rows and their count.
     *
     * @param keys the generated values, one row per inserted row, named as the columns asked for
     * @return this expectation
     */
    public Expectation returnGeneratedKeys(Rows keys) {
        this.generatedKeys = Objects.requireNonNull(keys, "keys must not be null");
        return this;
    }

    /**
     * Answers with update counts, one result each: one count for a statement, one per set of binds for a batch.
     *
     * @param counts the number of rows changed
     * @return this expectation
     */
    public Expectation returnUpdateCount(long... counts) {
        this.counts = counts.clone();
        return this;
    }

    /**
     * Answers with an error: the statement's publisher signals it.
     *
     * @param error the error, such as an {@code R2dbcDataIntegrityViolationException}
     * @return this expectation
     */
    public Expectation fail(Throwable error) {
        this.error = Objects.requireNonNull(error, "error must not be null");
        return this;
    }

    /** Returns the expected SQL. */
    public String sql() {
        return sql;
    }

    /** Returns why an executed statement does not match, or {@code null} if it does. */
    @Nullable
    String mismatch(Executed executed) {
        if (!sql.equals(executed.sql())) {
            return "expected SQL: " + sql + "\n  actual SQL:   " + executed.sql();
        }
        List<List<@Nullable Object>> expected = bindings;
        if (expected != null) {
            List<List<Object>> actual = executed.batch();
            if (!matches(expected, actual)) {
                return "binds of " + sql + "\n  expected: " + expected + "\n  actual:   " + describe(actual);
            }
        }
        List<String> asked = executed.generatedColumns();
        Rows keys = generatedKeys;
        if (keys != null && !lowerCase(asked).equals(lowerCase(keys.columns()))) {
            return sql + "\n  expected to ask for the generated values of " + keys.columns()
                    + " (returnGeneratedValues), but asked for " + asked;
        }
        if (keys == null && !asked.isEmpty()) {
            return sql + "\n  asked for the generated values of " + asked
                    + ", but the script answers without them (use returnGeneratedKeys)";
        }
        return null;
    }

    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean matches(List<List<@Nullable Object>> expected, List<List<Object>> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int set = 0; set < expected.size(); set++) {
            List<@Nullable Object> wanted = expected.get(set);
            List<Object> given = actual.get(set);
            if (wanted.size() != given.size()) {
                return false;
            }
            for (int i = 0; i < wanted.size(); i++) {
                Object value = wanted.get(i);
                boolean same =
                        value == null ? given.get(i) instanceof NullBind : Objects.deepEquals(value, given.get(i));
                if (!same) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The values with their classes, so that {@code 1} and {@code 1L} can be told apart in a message. */
    private static String describe(List<List<Object>> sets) {
        return sets.stream()
                .map(set -> set.stream()
                        .map(value -> value instanceof NullBind
                                ? value.toString()
                                : value + " (" + value.getClass().getSimpleName() + ")")
                        .toList()
                        .toString())
                .toList()
                .toString();
    }

    /** Returns the answer to a statement that matched. */
    Flux<Result> answer(Executed executed) {
        Throwable failure = error;
        if (failure != null) {
            return Flux.error(failure);
        }
        Rows answerRows = rows;
        if (answerRows != null) {
            return Flux.<Result>just(ScriptedResult.rows(answerRows));
        }
        Rows keys = generatedKeys;
        if (keys != null) {
            return Flux.<Result>just(ScriptedResult.generated(keys));
        }
        long[] given = counts;
        if (given == null) {
            given = new long[executed.bindings().size()];
            Arrays.fill(given, 1L);
        }
        return Flux.fromArray(Arrays.stream(given).boxed().toArray(Long[]::new))
                .map(count -> (Result) ScriptedResult.updateCount(count));
    }

    @Override
    public String toString() {
        return sql + (bindings == null ? "" : " " + bindings);
    }
}
