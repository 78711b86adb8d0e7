/**
 * The tutorial's {@code User} and {@code Address} as remapped in "Configuring delete/delete-orphan Cascade": the same tables,
 * with a collection that deletes its addresses with the user and when they leave it.
 */
@NullMarked
package io.sluice.examples.cascade;

import org.jspecify.annotations.NullMarked;
