package io.reelforge.remote;

import java.net.URI;
import java.util.List;

import io.reelforge.engine.Engine;

/**
 * An engine that renders on upstream servers: the capability the console's upstream management needs (the pool's
 * state, the managed upstreams, the address policy and a connection test), whichever engine has it.
 */
public interface UpstreamEngine extends Engine {

    /**
     * Checks an upstream URL as the settings do: an http(s) base URL ending in {@code /v1}, without credentials
     * or query; returns it without a trailing slash. Throws {@link IllegalArgumentException} saying why not.
     */
    static URI baseUrl(String url) {
        return RemoteSettings.upstream(url);
    }

    /** Every upstream, configured then console-managed, with its health and load now. */
    List<UpstreamState> upstreams();

    /** Sets the console-managed upstreams (the enabled ones), beside the configured ones, from now on. */
    void manage(List<ManagedUpstream> managed);

    /** Why the address policy refuses this upstream's host (or it does not resolve), or null when it may be used. */
    String refusal(URI base);

    /** A connection test with this key: null when the host is allowed, the health endpoint answers and the key is taken. */
    String test(URI base, String apiKey);
}
