package io.reelforge.infrastructure.security.directory;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.console.DirectorySignIn;
import io.reelforge.infrastructure.config.Settings;

/** The directories console users may sign in through, as {@link DirectorySettings} reads them on each call. */
@ApplicationScoped
public class ConfiguredDirectories implements DirectorySignIn {

    @Inject
    Settings settings;

    @Override
    public boolean ldapEnabled() {
        return DirectorySettings.ldap(settings).isPresent();
    }

    @Override
    public Optional<String> oidcProviderName() {
        return DirectorySettings.oidc(settings).map(DirectorySettings.Oidc::providerName);
    }
}
