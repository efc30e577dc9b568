/**
 * The one exception family for expected failures. Each carries its {@link io.reelforge.domain.shared.ErrorType}
 * (which decides the HTTP status in one place), a stable code and, for bad input, the offending parameter.
 */
package io.reelforge.domain.shared;
