/** The ORM layer: mapping, Session, unit of work and queries over mapped classes (built on reactive-core). */
@NullMarked
package io.sluice.session;

import org.jspecify.annotations.NullMarked;
