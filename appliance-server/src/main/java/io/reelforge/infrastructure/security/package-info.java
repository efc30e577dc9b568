/** API-key authentication for /v1: the key format, hashing, and the request filter that resolves the caller. */
package io.reelforge.infrastructure.security;
