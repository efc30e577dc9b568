package io.reelforge.infrastructure.jobs;

import java.util.logging.Level;
import java.util.logging.Logger;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import io.reelforge.application.console.UpstreamAdmin;
import io.reelforge.infrastructure.config.SettingOverrides;
import io.reelforge.infrastructure.engine.EngineRegistry;
import io.reelforge.infrastructure.storage.UrlSigner;
import io.reelforge.models.ModelRegistry;
import io.reelforge.models.RegistryEngine;
import io.reelforge.models.RegistryException;

/**
 * Re-reads what other appliances on the same database may have changed, every {@link #INTERVAL_SECONDS}
 * seconds: the settings changed in the console, the URL signing keys, the remote engine's console-added upstreams
 * and the djl engine's model versions and active pointers (which a render also re-reads as it starts). A change
 * anywhere is in effect on every node within that interval (plus one query's time). Polling a few rows, not PostgreSQL's NOTIFY: the same
 * code runs on the embedded Derby, and a missed notification (a dropped connection) cannot leave a node stale.
 * A non-persistent EJB timer beats it: it belongs to this process alone and ends with it.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SharedStateRefresh {

    private static final Logger LOG = Logger.getLogger(SharedStateRefresh.class.getName());
    /** Well inside the 5 s in which a setting must reach every node. */
    static final long INTERVAL_SECONDS = 2;

    @Resource
    TimerService timers;

    @Inject
    SettingOverrides overrides;

    @Inject
    UrlSigner signer;

    @Inject
    UpstreamAdmin upstreams;

    @Inject
    EngineRegistry engines;

    private volatile boolean failing;

    @PostConstruct
    void start() {
        long every = INTERVAL_SECONDS * 1000;
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
    void refresh() {
        try {
            overrides.load();
            signer.refresh();
            upstreams.refresh();
            Optional<ModelRegistry> models = engines.modelEngine().flatMap(RegistryEngine::registry);
            if (models.isPresent()) {
                models.get().refresh();
            }
            if (failing) {
                failing = false;
                LOG.info("shared settings and keys are read from the database again");
            }
        } catch (RuntimeException | RegistryException e) {
            // The database is away: keep what was read last, say so once, try again next time.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "cannot re-read shared settings and keys; keeping the last ones", e);
            }
        }
    }
}
