package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SELECT} statement. Immutable: each method returns a new select with one part changed, so a select can be refined
 * step by step and shared. Start one with {@link SQL#select(Expression[])}.
 *
 * <p>If no FROM item is given, the FROM clause lists the tables of the selected columns in order of first appearance.
 *
 * @param isDistinct {@code true} for {@code SELECT DISTINCT}
 * @param items the select list
 * @param from the FROM items (joins included)
 * @param where the WHERE condition, or {@code null}
 * @param groupBy the GROUP BY expressions
 * @param having the HAVING condition, or {@code null}
 * @param orderBy the ORDER BY items
 * @param limit the maximum number of rows, or {@code null}
 * @param offset the number of rows to skip, or {@code null}
 * @param lock the row locks ({@code FOR UPDATE} ...), or {@code null}
 */
public record Select(
        boolean isDistinct,
        List<Expression<?>> items,
        List<FromItem> from,
        @Nullable Expression<Boolean> where,
        List<Expression<?>> groupBy,
        @Nullable Expression<Boolean> having,
        List<Expression<?>> orderBy,
        @Nullable Long limit,
        @Nullable Long offset,
        @Nullable RowLock lock)
        implements Statement {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a list is {@code null}, the select list is empty, or limit or offset is negative
     */
    public Select {
        items = List.copyOf(Assert.requireNonNull(items, "items must not be null"));
        Assert.isTrue(!items.isEmpty(), "a select needs at least one item");
        from = List.copyOf(Assert.requireNonNull(from, "from must not be null"));
        groupBy = List.copyOf(Assert.requireNonNull(groupBy, "groupBy must not be null"));
        orderBy = List.copyOf(Assert.requireNonNull(orderBy, "orderBy must not be null"));
        Assert.isTrue(limit == null || limit >= 0, "limit must not be negative");
        Assert.isTrue(offset == null || offset >= 0, "offset must not be negative");
    }

    static Select of(List<Expression<?>> items) {
        return new Select(false, items, List.of(), null, List.of(), null, List.of(), null, null, null);
    }

    /**
     * Returns the FROM items as rendered: those given, or else the tables of the selected columns in order of first appearance.
     *
     * @return the FROM items
     */
    public List<FromItem> fromItems() {
        return from.isEmpty() ? Joins.implicitFrom(items) : from;
    }

    /**
     * Returns this select with {@code DISTINCT}.
     *
     * @return the new select
     */
    public Select distinct() {
        return new Select(true, items, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Returns this select with more FROM items.
     *
     * @param items tables, aliases, subqueries or joins
     * @return the new select
     * @throws IllegalArgumentException if an item is {@code null}
     */
    public Select from(FromItem... items) {
        List<FromItem> more = new ArrayList<>(from);
        for (FromItem item : items) {
            more.add(Assert.requireNonNull(item, "from items must not be null"));
        }
        return new Select(isDistinct, this.items, more, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Returns this select with the last FROM item inner-joined to {@code target} on a condition.
     *
     * @param target the joined item
     * @param on the join condition
     * @return the new select
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public Select join(FromItem target, Expression<Boolean> on) {
        return joined(target, Join.Type.INNER, Assert.requireNonNull(on, "on must not be null"));
    }

    /**
     * Returns this select with the last FROM item inner-joined to {@code target}, the condition taken from the one foreign key
     * between them.
     *
     * @param target the joined table or aliased table
     * @return the new select
     * @throws IllegalArgumentException if there is no foreign key between the two, or more than one
     */
    public Select join(FromItem target) {
        return joined(target, Join.Type.INNER, null);
    }

    /**
     * Returns this select with the last FROM item left-outer-joined to {@code target} on a condition.
     *
     * @param target the joined item
     * @param on the join condition
     * @return the new select
     */
    public Select leftJoin(FromItem target, Expression<Boolean> on) {
        return joined(target, Join.Type.LEFT_OUTER, Assert.requireNonNull(on, "on must not be null"));
    }

    /**
     * Returns this select with the last FROM item left-outer-joined to {@code target}, the condition taken from the foreign key.
     *
     * @param target the joined table or aliased table
     * @return the new select
     * @throws IllegalArgumentException if there is no foreign key between the two, or more than one
     */
    public Select leftJoin(FromItem target) {
        return joined(target, Join.Type.LEFT_OUTER, null);
    }

    private Select joined(FromItem target, Join.Type type, @Nullable Expression<Boolean> on) {
        Assert.requireNonNull(target, "target must not be null");
        List<FromItem> items = new ArrayList<>(from);
        FromItem left;
        if (items.isEmpty()) {
            List<FromItem> implicit = Joins.implicitFrom(this.items);
            Assert.isTrue(
                    implicit.size() == 1, "call from(...) before join(...) when the select list has several tables");
            left = implicit.get(0);
        } else {
            left = items.remove(items.size() - 1);
        }
        items.add(new Join(left, target, type, on != null ? on : Joins.inferOn(left, target)));
        return new Select(isDistinct, this.items, items, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Returns this select with a WHERE condition, joined by {@code AND} to any condition given before.
     *
     * @param condition the condition
     * @return the new select
     * @throws IllegalArgumentException if {@code condition} is {@code null}
     */
    public Select where(Expression<Boolean> condition) {
        Assert.requireNonNull(condition, "condition must not be null");
        Expression<Boolean> combined =
                where == null ? condition : Conjunction.of(Conjunction.Kind.AND, List.of(where, condition));
        return new Select(isDistinct, items, from, combined, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Returns this select with GROUP BY expressions added.
     *
     * @param expressions the grouping expressions
     * @return the new select
     */
    public Select groupBy(Expression<?>... expressions) {
        List<Expression<?>> more = new ArrayList<>(groupBy);
        more.addAll(Arrays.asList(expressions));
        return new Select(isDistinct, items, from, where, more, having, orderBy, limit, offset, lock);
    }

    /**
     * Returns this select with a HAVING condition, joined by {@code AND} to any given before.
     *
     * @param condition the condition
     * @return the new select
     * @throws IllegalArgumentException if {@code condition} is {@code null}
     */
    public Select having(Expression<Boolean> condition) {
        Assert.requireNonNull(condition, "condition must not be null");
        Expression<Boolean> combined =
                having == null ? condition : Conjunction.of(Conjunction.Kind.AND, List.of(having, condition));
        return new Select(isDistinct, items, from, where, groupBy, combined, orderBy, limit, offset, lock);
    }

    /**
     * Returns this select with ORDER BY items added; plain expressions sort ascending, {@link Expression#desc()} descending.
     *
     * @param expressions the sort keys
     * @return the new select
     */
    public Select orderBy(Expression<?>... expressions) {
        List<Expression<?>> more = new ArrayList<>(orderBy);
        for (Expression<?> expression : expressions) {
            more.add(Assert.requireNonNull(expression, "order by items must not be null"));
        }
        return new Select(isDistinct, items, from, where, groupBy, having, more, limit, offset, lock);
    }

    /**
     * Returns this select limited to {@code limit} rows (sent as a bind parameter).
     *
     * @param limit the maximum number of rows
     * @return the new select
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public Select limit(long limit) {
        return new Select(isDistinct, items, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Returns this select skipping the first {@code offset} rows (sent as a bind parameter).
     *
     * @param offset the number of rows to skip
     * @return the new select
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public Select offset(long offset) {
        return new Select(isDistinct, items, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Builds a select from its parts, without row locks.
     *
     * @param isDistinct {@code true} for {@code SELECT DISTINCT}
     * @param items the select list
     * @param from the FROM items (joins included)
     * @param where the WHERE condition, or {@code null}
     * @param groupBy the GROUP BY expressions
     * @param having the HAVING condition, or {@code null}
     * @param orderBy the ORDER BY items
     * @param limit the maximum number of rows, or {@code null}
     * @param offset the number of rows to skip, or {@code null}
     */
    public Select(
            boolean isDistinct,
            List<Expression<?>> items,
            List<FromItem> from,
            @Nullable Expression<Boolean> where,
            List<Expression<?>> groupBy,
            @Nullable Expression<Boolean> having,
            List<Expression<?>> orderBy,
            @Nullable Long limit,
            @Nullable Long offset) {
        this(isDistinct, items, from, where, groupBy, having, orderBy, limit, offset, null);
    }

    /**
     * Returns this select locking the rows it reads against changes by other transactions until this one ends: {@code FOR
     * UPDATE}.
     *
     * @return the new select
     */
    public Select forUpdate() {
        return locked(new RowLock(RowLock.Strength.UPDATE, RowLock.Wait.WAIT, List.of()));
    }

    /**
     * Returns this select taking shared locks on the rows it reads: others may read and share-lock them, not change them
     * ({@code FOR SHARE} on PostgreSQL, {@code LOCK IN SHARE MODE} on MariaDB; H2 has none and refuses it).
     *
     * @return the new select
     */
    public Select forShare() {
        return locked(new RowLock(RowLock.Strength.SHARE, RowLock.Wait.WAIT, List.of()));
    }

    /**
     * Returns this select failing at once if a row it would lock is locked by another transaction: {@code NOWAIT}.
     *
     * @return the new select
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Select nowait() {
        return locked(requireLock("nowait()").with(RowLock.Wait.NOWAIT));
    }

    /**
     * Returns this select leaving out the rows another transaction has locked: {@code SKIP LOCKED}, as workers claim jobs
     * from a queue table without waiting for each other.
     *
     * @return the new select
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Select skipLocked() {
        return locked(requireLock("skipLocked()").with(RowLock.Wait.SKIP_LOCKED));
    }

    /**
     * Returns this select locking only the rows of some of its tables: {@code FOR UPDATE OF t} (PostgreSQL and H2; MariaDB
     * locks the rows of every table and refuses it).
     *
     * @param tables the tables whose rows are locked
     * @return the new select
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Select of(Table... tables) {
        return locked(requireLock("of(...)").with(tables));
    }

    private RowLock requireLock(String call) {
        RowLock current = lock;
        if (current == null) {
            throw new IllegalStateException("call forUpdate() or forShare() before " + call);
        }
        return current;
    }

    private Select locked(RowLock next) {
        return new Select(isDistinct, items, from, where, groupBy, having, orderBy, limit, offset, next);
    }

    /**
     * Returns {@code this UNION other} (duplicates removed).
     *
     * @param other a select of as many columns
     * @return the compound select
     */
    public CompoundSelect union(Select other) {
        return CompoundSelect.of(this).union(other);
    }

    /**
     * Returns {@code this UNION ALL other} (duplicates kept).
     *
     * @param other a select of as many columns
     * @return the compound select
     */
    public CompoundSelect unionAll(Select other) {
        return CompoundSelect.of(this).unionAll(other);
    }

    /**
     * Returns {@code this INTERSECT other}: the rows both have, without duplicates.
     *
     * @param other a select of as many columns
     * @return the compound select
     */
    public CompoundSelect intersect(Select other) {
        return CompoundSelect.of(this).intersect(other);
    }

    /**
     * Returns {@code this INTERSECT ALL other}, keeping duplicates (PostgreSQL and MariaDB; H2 refuses it).
     *
     * @param other a select of as many columns
     * @return the compound select
     */
    public CompoundSelect intersectAll(Select other) {
        return CompoundSelect.of(this).intersectAll(other);
    }

    /**
     * Returns {@code this EXCEPT other}: the rows of this select that {@code other} does not have, without duplicates.
     *
     * @param other a select of as many columns
     * @return the compound select
     */
    public CompoundSelect except(Select other) {
        return CompoundSelect.of(this).except(other);
    }

    /**
     * Returns {@code this EXCEPT ALL other}, keeping duplicates (PostgreSQL and MariaDB; H2 refuses it).
     *
     * @param other a select of as many columns
     * @return the compound select
     */
    public CompoundSelect exceptAll(Select other) {
        return CompoundSelect.of(this).exceptAll(other);
    }

    /**
     * Returns this select as a common table expression, for {@code WITH name (columns) AS (this)}; its columns are named by the
     * items' labels or column names and typed as the items.
     *
     * @param name the CTE's name
     * @return the CTE, for FROM clauses and joins
     * @throws IllegalArgumentException if an item has neither a label nor a column name
     */
    public CommonTableExpression cte(String name) {
        return CommonTableExpression.of(name, this);
    }

    /**
     * Returns this select as a common table expression whose columns have the given names, one per item.
     *
     * @param name the CTE's name
     * @param columnNames the names of its columns
     * @return the CTE
     * @throws IllegalArgumentException if the names are not one per item
     */
    public CommonTableExpression cte(String name, String... columnNames) {
        return new CommonTableExpression(name, java.util.Arrays.asList(columnNames), this, false);
    }

    /**
     * Returns this select as a table under an alias, for use in another select's FROM clause.
     *
     * @param alias the alias
     * @return the derived table
     */
    public DerivedTable subquery(String alias) {
        return new DerivedTable(this, alias);
    }

    /**
     * Returns this select (of one column, at most one row) as a value.
     *
     * @param <T> the Java type of the value
     * @return the scalar subquery, typed as the first select item
     */
    @SuppressWarnings("unchecked")
    public <T> ScalarSubquery<T> scalar() {
        return new ScalarSubquery<>(this, (SqlType<T>) items.get(0).type());
    }

    /**
     * Returns {@code EXISTS (this)}.
     *
     * @return the condition
     */
    public Exists exists() {
        return new Exists(this);
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitSelect(this);
    }
}
