package io.reelforge.servicetests;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;

/**
 * Two transactions as racers: the first party's step runs in the test's own transaction, which stays open while the
 * second party's step starts in a transaction of its own on another container thread. The second is seen still
 * waiting (it needs a row the first holds), then the first commits. Which one commits first is the test's choice, so
 * the outcome is the same on every run.
 */
@ApplicationScoped
public class Racer {

    /** How long the second party must stay blocked: it can only finish sooner if the first holds no lock it needs. */
    private static final long BLOCKED_MS = 500;

    @Resource
    ManagedExecutorService executor;

    @Resource
    UserTransaction tx;

    @Inject
    Racer self;

    /** Runs {@code first}, starts {@code second}, checks that it waits, commits the first; returns the second's result to come. */
    public <T> Future<T> race(Runnable first, Callable<T> second) throws Exception {
        tx.begin();
        try {
            first.run();
            Future<T> racer = start(second);
            assertThrows(TimeoutException.class, () -> racer.get(BLOCKED_MS, TimeUnit.MILLISECONDS),
                    "the second transaction went ahead without waiting for the first one's row lock");
            tx.commit();
            return racer;
        } catch (Exception | AssertionError e) {
            tx.rollback();
            throw e;
        }
    }

    /** The step in a transaction of its own on another container thread. */
    public <T> Future<T> start(Callable<T> step) {
        return executor.submit(() -> self.inNewTransaction(step));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Callable<T> step) throws Exception {
        return step.call();
    }
}
