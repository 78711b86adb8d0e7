/**
 * The SQL expression language: an immutable tree of tables, columns, expressions and statements, built with {@link
 * io.sluice.core.sql.SQL} and rendered per dialect by {@link io.sluice.core.sql.render.SqlRenderer}. Nodes hold data only; they
 * never render themselves.
 */
@NullMarked
package io.sluice.core.sql;

import org.jspecify.annotations.NullMarked;
