/**
 * A Spring WebFlux application on Sluice: a REST resource over users and their addresses, one session and transaction per
 * request carried in the Reactor Context, and a streaming export as newline-delimited JSON.
 */
@NullMarked
package io.sluice.examples.web;

import org.jspecify.annotations.NullMarked;
