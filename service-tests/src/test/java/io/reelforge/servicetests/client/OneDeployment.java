package io.reelforge.servicetests.client;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys {@code ServiceDeployment} once for every test class of the module. The Payara Micro connector boots a
 * Micro per deployment (about half a minute with this application); one deployment per class would boot it for each.
 */
public class OneDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(SharedDeployment.class);
    }
}
