/**
 * Internal to Sluice: the identity map, the state of each object and the pure flush plan, which the session package uses.
 * Nothing here is API: it changes without notice, and applications must not use it (an architecture test keeps the examples
 * and benchmarks off it).
 */
@NullMarked
package io.sluice.session.internal;

import org.jspecify.annotations.NullMarked;
