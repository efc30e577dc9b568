package io.reelforge.domain.model.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.reelforge.domain.shared.ReelforgeException;

/** An absolute http(s) URL without credentials or fragment: the shape a webhook target must have. */
public record WebhookUrl(String value) {

    public static final int MAX_LENGTH = 2000;

    public static WebhookUrl parse(String param, String s) {
        if (s == null || s.isBlank()) {
            throw ReelforgeException.validation(param, param + "_required", param + " is required.");
        }
        String text = s.trim();
        if (text.length() > MAX_LENGTH) {
            throw invalid(param, param + " is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(param, param + " is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(param, param + " must be an http:// or https:// URL.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(param, param + " has no host.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid(param, param + " must not contain credentials or a #fragment.");
        }
        return new WebhookUrl(text);
    }

    public URI uri() {
        return URI.create(value);
    }

    private static ReelforgeException invalid(String param, String message) {
        return ReelforgeException.validation(param, "invalid_webhook_url", message);
    }
}
