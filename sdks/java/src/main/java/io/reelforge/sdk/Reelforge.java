package io.reelforge.sdk;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The client of one Reelforge appliance with one API key; thread-safe.
 *
 * <pre>{@code
 * Reelforge client = new Reelforge("KEY");          // or new Reelforge(): REELFORGE_API_KEY
 * Generation job = client.video().generate(VideoRequest.builder().prompt("Harbour at dusk").resolution("1080p").build());
 * client.video().waitFor(job.generationId()).save(Path.of("output.mp4"));
 * }</pre>
 */
public final class Reelforge {
    /** The default base URL when neither the builder nor REELFORGE_BASE_URL gives one. */
    public static final String DEFAULT_BASE_URL = "http://localhost:8080";

    private final Transport transport;
    private final VideoService video;
    private final AccountService account;
    private final WebhooksService webhooks;

    /** A client with the key from REELFORGE_API_KEY and the base URL from REELFORGE_BASE_URL. */
    public Reelforge() {
        this(builder());
    }

    /** A client with this key (null: REELFORGE_API_KEY) and the base URL from REELFORGE_BASE_URL. */
    public Reelforge(String apiKey) {
        this(builder().apiKey(apiKey));
    }

    private Reelforge(Builder b) {
        String key = b.apiKey != null ? b.apiKey : System.getenv("REELFORGE_API_KEY");
        String base = b.baseUrl != null ? b.baseUrl : System.getenv("REELFORGE_BASE_URL");
        if (base == null || base.isBlank()) {
            base = DEFAULT_BASE_URL;
        }
        HttpClient http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.transport = new Transport(http, key == null ? "" : key, base.replaceAll("/+$", ""), b.maxRetries,
                b.retryDelay, b.maxRetryDelay, b.timeout);
        this.video = new VideoService(transport);
        this.account = new AccountService(transport);
        this.webhooks = new WebhooksService(transport);
    }

    public static Builder builder() {
        return new Builder();
    }

    public VideoService video() { return video; }
    public AccountService account() { return account; }
    public WebhooksService webhooks() { return webhooks; }
    public String baseUrl() { return transport.baseUrl(); }

    /** The SDK's version, e.g. 0.1.0; the User-Agent is {@code reelforge-java/<version>}. */
    public static String version() { return Transport.VERSION; }

    /** Options; {@code optX}-free: every setter is optional. */
    public static final class Builder {
        private String apiKey;
        private String baseUrl;
        private int maxRetries = 4;
        private Duration retryDelay = Duration.ofSeconds(5);
        private Duration maxRetryDelay = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofSeconds(60);
        private HttpClient httpClient;

        private Builder() {
        }

        /** The key (default REELFORGE_API_KEY). */
        public Builder apiKey(String v) { apiKey = v; return this; }
        /** The appliance root, e.g. http://video.internal:8080 (default REELFORGE_BASE_URL, else http://localhost:8080). */
        public Builder baseUrl(String v) { baseUrl = v; return this; }
        /** Retries of 429, 503 and connection errors (default 4; 0: none). */
        public Builder maxRetries(int v) { maxRetries = v; return this; }
        /** The first backoff delay (default 5 s), doubling per retry up to maxRetryDelay. */
        public Builder retryDelay(Duration v) { retryDelay = Objects.requireNonNull(v); return this; }
        /** The longest delay between retries, Retry-After included (default 60 s). */
        public Builder maxRetryDelay(Duration v) { maxRetryDelay = Objects.requireNonNull(v); return this; }
        /** The time one HTTP attempt may take (default 60 s; a long-poll adds its wait). */
        public Builder timeout(Duration v) { timeout = Objects.requireNonNull(v); return this; }
        /** Another java.net.http client (e.g. with a proxy). */
        public Builder httpClient(HttpClient v) { httpClient = v; return this; }

        public Reelforge build() { return new Reelforge(this); }
    }
}
