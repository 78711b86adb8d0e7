/** Helpers shared by the packages of reactive-core; not part of the public API. */
@NullMarked
package io.sluice.core.internal;

import org.jspecify.annotations.NullMarked;
