package io.reelforge.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** A Server-Sent Events reader over real HTTP/1.1: the events and comments of one stream until it closes. */
final class SseClient {

    /** One event: its name, id and JSON data. */
    record Event(String name, String id, JsonNode data) {
    }

    /** What a stream carried, in order, and its response status and content type. */
    record Stream(int status, String contentType, List<Event> events, List<String> comments, String errorBody) {
        Event last() {
            return events.get(events.size() - 1);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SseClient() {
    }

    /** Reads the stream until the server closes it; fails if that takes longer than {@code limit}. */
    static Stream read(String url, String key, String lastEventId, Duration limit) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + key).GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> f =
                HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> r = f.get(limit.toSeconds(), TimeUnit.SECONDS);
        String type = r.headers().firstValue("Content-Type").orElse("");
        List<Event> events = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        CompletableFuture<String> done = CompletableFuture.supplyAsync(() -> {
            StringBuilder body = new StringBuilder();
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (java.util.Iterator<String> it = r.body().iterator(); it.hasNext(); ) {
                String line = it.next();
                body.append(line).append('\n');
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        try {
                            events.add(new Event(name, id, Api.JSON.readTree(data.toString())));
                        } catch (java.io.IOException e) {
                            throw new AssertionError("event data is not JSON: " + data, e);
                        }
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            return body.toString();
        });
        String body = done.get(limit.toSeconds(), TimeUnit.SECONDS);
        return new Stream(r.statusCode(), type, events, comments, r.statusCode() == 200 ? null : body);
    }
}
