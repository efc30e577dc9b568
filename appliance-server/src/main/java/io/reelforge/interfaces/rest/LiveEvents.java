package io.reelforge.interfaces.rest;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.reelforge.application.LiveStatus;
import io.reelforge.application.LiveStatus.Snapshot;
import io.reelforge.domain.model.generation.GenerationStatus;

/**
 * The two live views of a generation over {@link LiveStatus}: a Server-Sent Events stream, and a long-poll
 * ({@code Prefer: wait=N}) for clients without SSE. Neither holds a thread while it waits.
 */
@ApplicationScoped
public class LiveEvents {

    static final int MAX_WAIT_SECONDS = 60;
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?", Pattern.CASE_INSENSITIVE);

    @Inject
    LiveStatus live;

    @Inject
    GenerationAssembler assembler;

    /**
     * Streams the generation's snapshots as events named by status ({@code queued}, {@code processing}, then a
     * terminal one, after which the stream closes), each with the status body as data and an id to resume from.
     */
    public void stream(String accountId, String generationId, String lastEventId, SseEventSink sink, Sse sse, URI baseUri) {
        LiveStatus.Watcher watcher = new LiveStatus.Watcher() {
            @Override
            public boolean changed(Snapshot s) {
                if (sink.isClosed()) {
                    return false;
                }
                GenerationStatus status = s.generation().status();
                send(sink, sse.newEventBuilder()
                        .name(status.wireName())
                        .id(s.eventId())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, JsonConfig.WIRE.toJson(assembler.toDto(s.generation(), s.queuePosition(), baseUri)))
                        .reconnectDelay(1000)
                        .build());
                if (status.terminal()) {
                    close(sink);
                    return false;
                }
                return true;
            }

            @Override
            public boolean keepAlive() {
                if (sink.isClosed()) {
                    return false;
                }
                send(sink, sse.newEventBuilder().comment("keep-alive").build());
                return !sink.isClosed();
            }
        };
        Snapshot now = live.watch(accountId, generationId, lastEventId, watcher);
        if (now.generation().status().terminal() && !sink.isClosed()) {
            // The client already had the final event (it resumed with its id): nothing more will come.
            live.unwatch(generationId, watcher);
            close(sink);
        }
    }

    /** JAX-RS 4's close may throw: a client already gone has nothing left to close. */
    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (java.io.IOException e) {
            // the connection is gone either way
        }
    }

    /** A client that went away fails the write: close its end so the next change or keep-alive drops the watch. */
    private static void send(SseEventSink sink, OutboundSseEvent event) {
        sink.send(event).whenComplete((done, error) -> {
            if (error != null) {
                close(sink);
            }
        });
    }

    /** The seconds a {@code Prefer} header asks to wait, capped at {@value #MAX_WAIT_SECONDS}; 0 for none. */
    static int waitSeconds(String prefer) {
        if (prefer == null) {
            return 0;
        }
        Matcher m = WAIT.matcher(prefer);
        return m.find() ? (int) Math.min(MAX_WAIT_SECONDS, Long.parseLong(m.group(1))) : 0;
    }

    /**
     * Answers with the generation as soon as its status differs from the one it has now, or after {@code wait}
     * seconds with the generation as it is then; a finished generation is answered at once.
     */
    public void longPoll(String accountId, String generationId, int wait, AsyncResponse async, URI baseUri) {
        LiveStatus.Watcher watcher = new LiveStatus.Watcher() {
            private GenerationStatus first;

            @Override
            public boolean changed(Snapshot s) {
                GenerationStatus status = s.generation().status();
                if (first == null) {
                    first = status;
                    if (!status.terminal()) {
                        return true;
                    }
                } else if (status == first) {
                    return true;
                }
                async.resume(answer(s, wait, baseUri));
                return false;
            }

            @Override
            public boolean keepAlive() {
                return !async.isDone();
            }
        };
        async.setTimeout(wait, TimeUnit.SECONDS);
        async.setTimeoutHandler(r -> {
            live.unwatch(generationId, watcher);
            r.resume(answer(live.current(accountId, generationId), wait, baseUri));
        });
        async.register((jakarta.ws.rs.container.CompletionCallback) error -> live.unwatch(generationId, watcher));
        live.watch(accountId, generationId, null, watcher);
    }

    private Response answer(Snapshot s, int wait, URI baseUri) {
        return Response.ok(assembler.toDto(s.generation(), s.queuePosition(), baseUri), MediaType.APPLICATION_JSON_TYPE)
                .header("Preference-Applied", "wait=" + wait)
                .build();
    }
}
