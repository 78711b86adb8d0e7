/** The Hibernate Reactive arms of the benchmarks (PostgreSQL through the Vert.x client). */
@NullMarked
package io.sluice.benchmarks.hibernate;

import org.jspecify.annotations.NullMarked;
