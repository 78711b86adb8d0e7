/**
 * The entities the benchmarks read and write with Sluice: parents with children, the rows of the streaming table, and customers
 * with a converted, an embedded and a JSON column.
 */
@NullMarked
package io.sluice.benchmarks.model;

import org.jspecify.annotations.NullMarked;
