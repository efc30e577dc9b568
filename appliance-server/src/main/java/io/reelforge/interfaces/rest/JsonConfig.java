package io.reelforge.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** The wire format: snake_case names, and null fields written out so every documented key is always there. */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    /** Also for bodies written outside a response entity: Server-Sent Event data. */
    static final Jsonb WIRE = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return WIRE;
    }
}
