/**
 * Idempotency keys: the first response to a POST sent with an {@code Idempotency-Key}, kept per account so a
 * retry of the same request gets that response again instead of doing the work twice.
 */
package io.reelforge.domain.model.idempotency;
