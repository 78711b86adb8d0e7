/**
 * Dialects: the small differences between H2, PostgreSQL and MariaDB (bind markers, quoting, type names, LIMIT, capabilities) and
 * the conversion of values to and from their drivers.
 */
@NullMarked
package io.sluice.core.dialect;

import org.jspecify.annotations.NullMarked;
