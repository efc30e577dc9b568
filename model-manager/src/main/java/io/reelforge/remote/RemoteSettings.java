package io.reelforge.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.reelforge.engine.EngineSettings;
import io.reelforge.engine.ImageSupport;
import io.reelforge.net.AddressPolicy;

/**
 * The remote engine's settings ({@code reelforge.engine.remote.<key>}), read and checked once at start: a bad
 * value stops the appliance with the setting's name rather than failing renders later.
 */
record RemoteSettings(List<URI> upstreams, String apiKey, String model, int maxInFlight, Duration pollInterval,
                      Duration healthInterval, String healthPath, AddressPolicy policy, ImageSupport.Mode image,
                      Set<String> fields, int retries, Duration maxBackoff, Duration requestTimeout) {

    static final String PREFIX = "reelforge.engine.remote.";
    static final String ALLOW = PREFIX + "allow-addresses";

    static RemoteSettings read(EngineSettings s) {
        List<URI> upstreams = list(s, "upstreams").stream().map(RemoteSettings::upstream).toList();
        int max = s.integer("max-in-flight", 1);
        if (max < 1) {
            throw new IllegalArgumentException(PREFIX + "max-in-flight must be 1 or more: " + max);
        }
        ImageSupport.Mode image;
        try {
            image = ImageSupport.Mode.valueOf(s.get("image").filter(v -> !v.isBlank()).orElse("optional").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "image must be optional, none or required", e);
        }
        Set<String> fields = s.get("fields").isPresent() ? Set.copyOf(list(s, "fields")) : Set.of("seed", "negative_prompt");
        if (!Set.of("seed", "negative_prompt").containsAll(fields)) {
            throw new IllegalArgumentException(PREFIX + "fields may list seed and negative_prompt only: " + fields);
        }
        return new RemoteSettings(upstreams,
                s.get("api-key").map(String::trim).filter(v -> !v.isEmpty()).orElse(null),
                s.get("model").map(String::trim).filter(v -> !v.isEmpty()).orElse(null),
                max,
                positive(s, "poll-interval", Duration.ofSeconds(1)),
                positive(s, "health-interval", Duration.ofSeconds(10)),
                s.get("health-path").map(String::trim).filter(v -> v.startsWith("/")).orElse("/health"),
                new AddressPolicy(ALLOW, list(s, "allow-addresses")),
                image,
                fields,
                Math.max(0, s.integer("retries", 3)),
                positive(s, "max-backoff", Duration.ofSeconds(30)),
                positive(s, "request-timeout", Duration.ofSeconds(30)));
    }

    private static List<String> list(EngineSettings s, String key) {
        return s.get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .collect(Collectors.toList())).orElse(List.of());
    }

    private static Duration positive(EngineSettings s, String key, Duration fallback) {
        Duration d = s.duration(key, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(PREFIX + key + " must be a positive duration: " + d);
        }
        return d;
    }

    /** An http(s) base URL ending in /v1, e.g. {@code http://gpu-1:8000/v1}; kept without a trailing slash. */
    static URI upstream(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "upstreams: '" + url + "' is not a URL", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || !uri.getPath().endsWith("/v1") || uri.getQuery() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException(PREFIX + "upstreams: '" + url
                    + "' must be an http(s) base URL ending in /v1, without credentials or query, e.g. http://gpu-1:8000/v1");
        }
        return uri;
    }
}
