package io.reelforge.infrastructure.jobs;

import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.reelforge.application.IdempotencyService;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.storage.OutputStore;

/**
 * Deletes outputs past their retention period and marks their generations expired; drops expired idempotency keys
 * and partial files abandoned by a render that died (untouched for longer than a render may take).
 */
@Dependent
@DisallowConcurrentExecution
public class RetentionJob implements Job {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
    private static final int BATCH = 200;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    IdempotencyService idempotency;

    @Inject
    OutputStore store;

    @Inject
    Settings settings;

    @Override
    public void execute(JobExecutionContext context) {
        int n;
        do {
            n = lifecycle.expireOutputs(BATCH);
            int expired = n;
            if (n > 0) {
                LOG.info(() -> "retention: expired " + expired + " outputs");
            }
        } while (n == BATCH);
        int partials = store.deleteAbandonedPartials(settings.renderTimeout(), id -> false);
        if (partials > 0) {
            LOG.info(() -> "retention: deleted " + partials + " abandoned partial files");
        }
        int keys = idempotency.purgeExpired();
        if (keys > 0) {
            LOG.fine(() -> "retention: dropped " + keys + " expired idempotency keys");
        }
    }
}
