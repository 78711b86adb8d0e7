/** The starter's implementation: not API. */
@NullMarked
package io.sluice.spring.boot.internal;

import org.jspecify.annotations.NullMarked;
