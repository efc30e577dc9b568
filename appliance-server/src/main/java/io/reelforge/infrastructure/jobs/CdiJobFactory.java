package io.reelforge.infrastructure.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds Quartz jobs as CDI beans, so a job is a thin trigger that injects the service it calls. */
@ApplicationScoped
public class CdiJobFactory implements JobFactory {

    @Inject
    Instance<Job> jobs;

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Instance<? extends Job> job = jobs.select(type);
        if (!job.isResolvable()) {
            throw new SchedulerException("no CDI bean for job " + type.getName());
        }
        return job.get();
    }
}
