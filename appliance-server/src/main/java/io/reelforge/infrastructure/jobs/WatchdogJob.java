package io.reelforge.infrastructure.jobs;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.reelforge.application.Dispatcher;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.application.RenderSignals;

/**
 * The safety net: fails jobs stuck in processing with no render behind them past their time limit, and
 * wakes the dispatcher in case a wake-up was lost.
 */
@Dependent
@DisallowConcurrentExecution
public class WatchdogJob implements Job {

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    RenderSignals signals;

    @Inject
    Dispatcher dispatcher;

    @Override
    public void execute(JobExecutionContext context) {
        lifecycle.failOrphans(signals.ownedIds());
        dispatcher.dispatch();
    }
}
