package io.reelforge.application.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.EngineCatalog;
import io.reelforge.application.FileLinks;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationListing;
import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Every account's generations: found, sorted and paged in the database, exported as CSV through one cursor, and
 * cancelled with the usual refund.
 */
@ApplicationScoped
@Transactional
public class GenerationAdmin {

    private static final Object[] CSV_HEADER = {"id", "account_id", "account", "status", "prompt", "resolution",
        "duration_seconds", "engine", "model", "model_version", "credits", "created_at", "finished_at", "error_code"};

    public record GenerationRow(String id, String accountId, String accountName, String status, String prompt,
                                String resolution, int durationSeconds, String engine, String modelVersion, long credits,
                                Instant createdAt, Instant finishedAt, String errorCode) {
    }

    @Inject
    GenerationRepository generations;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    FileLinks links;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    EngineCatalog engines;

    public List<GenerationRow> page(GenerationQuery query, int offset, int limit) {
        ConsoleSubject.require("generations:read");
        return generations.search(query, offset, limit).stream().map(GenerationAdmin::row).toList();
    }

    public long count(GenerationQuery query) {
        ConsoleSubject.require("generations:read");
        return generations.count(query);
    }

    /** The installed engines' ids, to filter by. */
    public List<String> engineIds() {
        ConsoleSubject.require("generations:read");
        return engines.all().keySet().stream().sorted().toList();
    }

    /**
     * Writes the matches as CSV, newest first: one query read through a database cursor, {@link Csv#BATCH} rows
     * at a time, each batch written, flushed and forgotten before the next is read. Audited: an export carries every
     * account's prompts.
     */
    public void exportCsv(GenerationQuery query, OutputStream out) throws IOException {
        String actor = ConsoleSubject.require("generations:read");
        audit.record(actor, "generations:export", null, describe(query));
        Csv csv = new Csv(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.row(CSV_HEADER);
        generations.eachNewestFirst(query, Csv.BATCH, batch -> {
            for (GenerationListing l : batch) {
                Generation g = l.generation();
                csv.row(g.id(), g.accountId(), l.accountName(), g.status().wireName(), g.prompt(), g.resolution(),
                        g.durationSeconds(), g.engine(), g.model(), g.modelVersion(), g.creditsSpent(), g.createdAt(),
                        g.finishedAt(), g.errorCode());
            }
            csv.flush();
        });
        csv.flush();
    }

    /**
     * A signed, host-relative URL of the clip for the console's player (the browser is on this host already);
     * empty unless the clip is completed.
     */
    public Optional<String> outputUrl(String generationId) {
        ConsoleSubject.require("generations:read");
        Generation g = generations.find(generationId).orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
        return links.signedPath(g, ClipFile.VIDEO, clock.instant());
    }

    public void cancel(String generationId) {
        String actor = ConsoleSubject.require("generations:cancel");
        Generation g = generations.find(generationId).orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
        lifecycle.cancel(g.accountId(), generationId);
        audit.record(actor, "generations:cancel", generationId, "account " + g.accountId());
    }

    private static String describe(GenerationQuery q) {
        StringBuilder s = new StringBuilder("CSV");
        append(s, "account", q.accountId());
        append(s, "status", q.status() == null ? null : q.status().wireName());
        append(s, "engine", q.engine());
        append(s, "resolution", q.resolution());
        append(s, "from", q.from());
        append(s, "to", q.to());
        append(s, "prompt", q.promptContains());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(' ').append(name).append('=').append(value);
        }
    }

    private static GenerationRow row(GenerationListing l) {
        Generation g = l.generation();
        return new GenerationRow(g.id(), g.accountId(), l.accountName(), g.status().wireName(), g.prompt(), g.resolution(),
                g.durationSeconds(), g.engine(), g.modelVersion(), g.creditsSpent(), g.createdAt(), g.finishedAt(),
                g.errorCode());
    }
}
