package io.reelforge.infrastructure.jobs;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.reelforge.infrastructure.engine.RenderRunner;

/** Renders one claimed generation. */
@Dependent
public class RenderJob implements Job {

    static final String GENERATION = "generationId";
    static final String ATTEMPT = "attempt";

    @Inject
    RenderRunner runner;

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        runner.run(data.getString(GENERATION), data.getInt(ATTEMPT));
    }
}
