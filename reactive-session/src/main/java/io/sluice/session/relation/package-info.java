/**
 * Relationships between mapped objects: {@link io.sluice.session.relation.ToOne} and {@link io.sluice.session.relation.ToMany}
 * fields, kept in step in memory and loaded reactively, and the {@link io.sluice.session.relation.Cascade}s that spread
 * operations along them.
 */
@NullMarked
package io.sluice.session.relation;

import org.jspecify.annotations.NullMarked;
