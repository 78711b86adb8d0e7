/**
 * The engine: pooled R2DBC connections, transactions, statement execution with echo, and the errors Sluice raises.
 */
@NullMarked
package io.sluice.core;

import org.jspecify.annotations.NullMarked;
