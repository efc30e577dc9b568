package io.reelforge.infrastructure.jobs;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.reelforge.application.webhooks.WebhookSender;

/** Sends webhook deliveries that are due: retries, and whatever a restart or a lost wake-up left pending. */
@Dependent
@DisallowConcurrentExecution
public class WebhookJob implements Job {

    @Inject
    WebhookSender sender;

    @Override
    public void execute(JobExecutionContext context) {
        sender.sendDue();
    }
}
