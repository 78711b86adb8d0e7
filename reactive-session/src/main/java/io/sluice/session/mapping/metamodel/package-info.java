/** The annotation processor that generates metamodel classes ({@code User_}) for mapped classes. */
@NullMarked
package io.sluice.session.mapping.metamodel;

import org.jspecify.annotations.NullMarked;
