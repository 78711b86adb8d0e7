/** The entities the benchmarks read and write with Sluice: parents with children, and the rows of the streaming table. */
@NullMarked
package io.sluice.benchmarks.model;

import org.jspecify.annotations.NullMarked;
