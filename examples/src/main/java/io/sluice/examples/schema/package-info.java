/**
 * A small shop's schema as {@link io.sluice.examples.schema.RealSchema} maps it: customers with an e-mail value stored through a
 * converter and embedded addresses, products with JSON columns and UUID keys, orders with sequence keys and a status stored by
 * code, payments as a single-table hierarchy, and promotions with an array column (H2 and PostgreSQL). {@link Money} is stored
 * as cents by a converter registered here, for every entity of the package.
 */
@NullMarked
@RegisterConverter(Money.Cents.class)
package io.sluice.examples.schema;

import io.sluice.session.mapping.RegisterConverter;
import org.jspecify.annotations.NullMarked;
