/**
 * The Spring Boot starter: auto-configures an {@link io.sluice.core.Engine}, a {@link io.sluice.session.mapping.Mapping} of
 * the application's entities and a {@link io.sluice.session.SessionFactory}, and a {@link
 * io.sluice.spring.boot.SluiceTransactionManager} that runs {@code @Transactional} methods in one Sluice session whose
 * connection Spring's {@code DatabaseClient} and Spring Data R2DBC share.
 */
@NullMarked
package io.sluice.spring.boot;

import org.jspecify.annotations.NullMarked;
