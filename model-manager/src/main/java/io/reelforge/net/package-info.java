/**
 * Outbound connections made on a configured URL's say-so: {@link io.reelforge.net.AddressPolicy} decides which
 * addresses they may reach (webhooks, the remote engine's upstreams).
 */
package io.reelforge.net;
