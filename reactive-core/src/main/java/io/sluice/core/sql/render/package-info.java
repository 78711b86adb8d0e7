/**
 * Rendering of the expression language: {@link io.sluice.core.sql.render.SqlRenderer} walks a statement once and builds the
 * SQL text and its ordered bind values for a dialect.
 */
@NullMarked
package io.sluice.core.sql.render;

import org.jspecify.annotations.NullMarked;
