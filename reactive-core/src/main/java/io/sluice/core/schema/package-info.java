/** Schema: sets of tables created and dropped together in foreign-key order, with DDL written per dialect. */
@NullMarked
package io.sluice.core.schema;

import org.jspecify.annotations.NullMarked;
