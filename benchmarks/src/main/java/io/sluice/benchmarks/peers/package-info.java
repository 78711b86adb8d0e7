/** The peers' arms: Spring Data R2DBC ({@code R2dbcEntityTemplate}) and jOOQ over R2DBC, on the pool Sluice uses. */
@NullMarked
package io.sluice.benchmarks.peers;

import org.jspecify.annotations.NullMarked;
