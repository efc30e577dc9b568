package io.reelforge.domain.model.webhook;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.reelforge.domain.model.generation.GenerationStatus;

/** The events a generation sends when it reaches an end state. */
public enum WebhookEvent {
    VIDEO_COMPLETED("video.completed", GenerationStatus.COMPLETED),
    VIDEO_FAILED("video.failed", GenerationStatus.FAILED),
    VIDEO_CANCELED("video.canceled", GenerationStatus.CANCELED),
    VIDEO_EXPIRED("video.expired", GenerationStatus.EXPIRED);

    private final String wireName;
    private final GenerationStatus status;

    WebhookEvent(String wireName, GenerationStatus status) {
        this.wireName = wireName;
        this.status = status;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> forStatus(GenerationStatus status) {
        return Arrays.stream(values()).filter(e -> e.status == status).findFirst();
    }

    public static Optional<WebhookEvent> fromWire(String s) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(s)).findFirst();
    }

    public static String supported() {
        return Arrays.stream(values()).map(WebhookEvent::wireName).collect(Collectors.joining(", "));
    }
}
