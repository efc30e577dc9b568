/**
 * Sending webhook requests: the address policy (what a webhook may reach) and a small HTTP/1.1 client that
 * connects only to an address the policy accepted, never follows redirects and gives up at its time limit.
 */
package io.reelforge.infrastructure.webhooks;
