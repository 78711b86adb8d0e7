/** Entities with converted, enum and embedded columns. */
@RegisterConverter(Money.Cents.class)
package io.sluice.session.types;

import io.sluice.session.mapping.RegisterConverter;
