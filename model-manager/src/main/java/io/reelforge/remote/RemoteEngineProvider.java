package io.reelforge.remote;

import java.time.Clock;

import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineProvider;
import io.reelforge.engine.EngineSettings;

/**
 * Service-loader entry for the remote engine. Without {@code upstreams} it is installed but not ready, so an
 * appliance that does not use it starts as before.
 */
public final class RemoteEngineProvider implements EngineProvider {

    @Override
    public String id() {
        return RemoteEngine.ID;
    }

    @Override
    public Engine create(EngineSettings settings) {
        return new RemoteEngine(RemoteSettings.read(settings), Clock.systemUTC());
    }
}
