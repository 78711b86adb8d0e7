/**
 * A Spring WebFlux application on Sluice's Spring Boot starter: a REST resource over users and their addresses, a service
 * whose {@code @Transactional} methods each run in one Sluice session and transaction found with {@code Sessions.current()},
 * a streaming export as newline-delimited JSON, and Actuator's health and metrics with Sluice's figures.
 */
@NullMarked
package io.sluice.examples.web;

import org.jspecify.annotations.NullMarked;
