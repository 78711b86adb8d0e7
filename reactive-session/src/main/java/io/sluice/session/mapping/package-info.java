/**
 * Mapping of plain Java classes to tables: the annotations, the per-class {@link io.sluice.session.mapping.EntityModel}, typed
 * {@link io.sluice.session.mapping.Attribute}s (which are core columns) and the {@link io.sluice.session.mapping.Mapping} a
 * session factory is built from.
 */
@NullMarked
package io.sluice.session.mapping;

import org.jspecify.annotations.NullMarked;
