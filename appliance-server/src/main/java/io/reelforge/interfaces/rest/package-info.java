/**
 * The v1 REST API (JAX-RS): resources that parse and validate input, call one application service and turn
 * the result into transfer objects; one error shape for every failure, mapped in one place.
 */
package io.reelforge.interfaces.rest;
