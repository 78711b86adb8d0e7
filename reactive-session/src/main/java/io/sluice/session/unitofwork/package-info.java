/**
 * The unit of work: the identity map, the state of each object, and the flush that turns changes into ordered, batched
 * statements. Used by {@link io.sluice.session.Session}; the plan is pure, the I/O is in the executor.
 */
@NullMarked
package io.sluice.session.unitofwork;

import org.jspecify.annotations.NullMarked;
