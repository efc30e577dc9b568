package io.reelforge.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/** HTTP, JSON, retries and error mapping: the one place that talks to the appliance. */
final class Transport {
    static final String VERSION = loadVersion();
    static final String USER_AGENT = "reelforge-java/" + VERSION;
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One logical call; its body and Idempotency-Key are made once and sent again by every retry. */
    record Call(String method, String target, Map<String, String> query, byte[] body, String contentType,
                Map<String, String> headers, boolean auth, Duration extraWait) {
        static Call get(String path) {
            return new Call("GET", path, Map.of(), null, null, Map.of(), true, Duration.ZERO);
        }

        static Call json(String method, String path, Object body) {
            byte[] b = null;
            if (body != null) {
                try {
                    b = JSON.writeValueAsBytes(body);
                } catch (IOException e) {
                    throw new ReelforgeException("cannot write the request as JSON", e);
                }
            }
            return new Call(method, path, Map.of(), b, b == null ? null : "application/json", Map.of(), true, Duration.ZERO);
        }

        Call withQuery(Map<String, String> q) {
            return new Call(method, target, q, body, contentType, headers, auth, extraWait);
        }

        Call withHeader(String name, String value, Duration wait) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Call(method, target, query, body, contentType, h, auth, wait);
        }
    }

    record Response(int status, HttpHeaders headers, byte[] body) {
    }

    private final HttpClient http;
    private final String apiKey;
    private final String baseUrl;
    private final int maxRetries;
    private final Duration retryDelay;
    private final Duration maxRetryDelay;
    private final Duration timeout;

    Transport(HttpClient http, String apiKey, String baseUrl, int maxRetries, Duration retryDelay,
              Duration maxRetryDelay, Duration timeout) {
        this.http = http;
        this.apiKey = apiKey;
        this.baseUrl = baseUrl;
        this.maxRetries = maxRetries;
        this.retryDelay = retryDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.timeout = timeout;
    }

    String baseUrl() {
        return baseUrl;
    }

    <T> T json(Call call, Class<T> type) {
        return decode(send(call), JSON.getTypeFactory().constructType(type));
    }

    <T> T json(Call call, TypeReference<T> type) {
        return decode(send(call), JSON.getTypeFactory().constructType(type));
    }

    private static <T> T decode(Response r, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return JSON.readValue(r.body(), type);
        } catch (IOException e) {
            throw new ApiException(r.status(), "api_error", "invalid_response",
                    "the answer is not the expected JSON: " + e.getMessage(), null,
                    r.headers().firstValue("X-Request-Id").orElse(null), null);
        }
    }

    /** Sends with retries; a 2xx answer comes back, anything else is thrown as the typed error. */
    Response send(Call call) {
        if (call.method().equals("POST") && call.auth() && !call.headers().containsKey("Idempotency-Key")) {
            call = call.withHeader("Idempotency-Key", UUID.randomUUID().toString(), call.extraWait());
        }
        for (int attempt = 0; ; attempt++) {
            ReelforgeException failure;
            try {
                Response r = attempt(call);
                if (r.status() < 300) {
                    return r;
                }
                failure = error(r);
            } catch (ConnectionException | TimeoutException e) {
                failure = e;
            }
            Duration wait = retryAfter(failure, attempt);
            if (wait == null) {
                throw failure;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /** How long to wait before retrying, or null when this failure is not retried. */
    private Duration retryAfter(ReelforgeException e, int attempt) {
        if (attempt >= maxRetries) {
            return null;
        }
        boolean retry = e instanceof RateLimitException || e instanceof ConnectionException || e instanceof TimeoutException
                || (e instanceof ServerException s && s.statusCode() == 503)
                || (e instanceof ConflictException c && "idempotency_request_in_progress".equals(c.code()));
        if (!retry) {
            return null;
        }
        Duration d = retryDelay.multipliedBy(1L << Math.min(attempt, 20));
        if (e instanceof ApiException a && a.retryAfter().isPresent() && a.retryAfter().get().compareTo(d) > 0) {
            d = a.retryAfter().get(); // never sooner than the appliance asks; the backoff keeps growing when it asks for less
        }
        return d.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : d;
    }

    private Response attempt(Call call) {
        String url = call.target().startsWith("http://") || call.target().startsWith("https://")
                ? call.target() : baseUrl + call.target();
        if (!call.query().isEmpty()) {
            url += "?" + call.query().entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout.plus(call.extraWait()))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
        call.headers().forEach(b::header);
        if (call.auth()) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (call.body() != null) {
            b.header("Content-Type", call.contentType());
            b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        // The message names the call, never its headers: no key ends up in an exception.
        String what = call.method() + " " + URI.create(url).getPath();
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                return new Response(r.statusCode(), r.headers(), in.readAllBytes());
            }
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(what + " timed out", e);
        } catch (IOException e) {
            throw new ConnectionException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(what + " was interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static ApiException error(Response r) {
        String type = null, code = null, message = null, param = null;
        try {
            JsonNode e = JSON.readTree(r.body()).path("error");
            type = text(e, "type");
            code = text(e, "code");
            message = text(e, "message");
            param = text(e, "param");
        } catch (IOException | RuntimeException ignored) {
            // not the error shape (e.g. a proxy's HTML page): the status says enough
        }
        ApiException base = new ApiException(r.status(), type, code, message == null ? "HTTP " + r.status() : message,
                param, r.headers().firstValue("X-Request-Id").orElse(null), parseRetryAfter(r.headers()));
        int s = r.status();
        if (s == 400 || s == 422) return new ValidationException(base);
        if (s == 401) return new AuthenticationException(base);
        if (s == 402) return new InsufficientCreditsException(base);
        if (s == 403) return new PermissionDeniedException(base);
        if (s == 404) return new NotFoundException(base);
        if (s == 409) return new ConflictException(base);
        if (s == 429) return new RateLimitException(base);
        if (s >= 500) return new ServerException(base);
        return base;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Duration parseRetryAfter(HttpHeaders h) {
        String v = h.firstValue("Retry-After").map(String::trim).orElse("");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static String loadVersion() {
        Properties p = new Properties();
        try (InputStream in = Transport.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // the fallback below
        }
        return p.getProperty("version", "0.0.0");
    }
}
