package io.reelforge.sdk;

/** A delivery's body: {@code {"type": "video.completed", "timestamp", "data": <the generation>}}. */
public record WebhookEvent(String type, String timestamp, Generation data) {
}
