package io.reelforge.interfaces.rest;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey's multipart support (EntityPart) is not on by default.
        return Map.of("jersey.config.server.provider.classnames", "org.glassfish.jersey.media.multipart.MultiPartFeature",
                "jersey.config.server.wadl.disableWadl", true);
    }
}
