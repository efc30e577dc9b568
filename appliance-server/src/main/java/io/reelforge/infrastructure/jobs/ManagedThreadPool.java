package io.reelforge.infrastructure.jobs;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.quartz.spi.ThreadPool;

/**
 * A Quartz thread pool whose threads come from the container's ManagedThreadFactory, so jobs run with the
 * application's naming, class loader and transaction context.
 */
public class ManagedThreadPool implements ThreadPool {

    private final ThreadFactory factory;
    private final int size;
    private final Semaphore free;
    private ThreadPoolExecutor executor;

    ManagedThreadPool(ThreadFactory factory, int size) {
        this.factory = factory;
        this.size = size;
        this.free = new Semaphore(size);
    }

    @Override
    public boolean runInThread(Runnable runnable) {
        if (executor == null || executor.isShutdown()) {
            return false;
        }
        free.acquireUninterruptibly();
        executor.execute(() -> {
            try {
                runnable.run();
            } finally {
                free.release();
            }
        });
        return true;
    }

    @Override
    public int blockForAvailableThreads() {
        free.acquireUninterruptibly();
        free.release();
        return free.availablePermits();
    }

    /**
     * Creates every thread now, on the caller's (the application's) thread: a managed thread takes its context
     * from where it is made, and later Quartz would make them on its own unmanaged scheduler thread.
     */
    @Override
    public void initialize() {
        executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        executor.prestartAllCoreThreads();
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        if (waitForJobsToComplete) {
            try {
                executor.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor.shutdownNow();
    }

    @Override
    public int getPoolSize() {
        return size;
    }

    @Override
    public void setInstanceId(String schedInstId) {
    }

    @Override
    public void setInstanceName(String schedName) {
    }
}
