package io.reelforge.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.reelforge.application.console.KeyMint;
import io.reelforge.domain.model.account.KeyMode;

/** API keys in {@link ApiKeyCodec}'s format, from the JDK's strong random source. */
@ApplicationScoped
public class RandomKeyMint implements KeyMint {

    @Override
    public Minted mint(KeyMode mode) {
        ApiKeyCodec.Issued issued = ApiKeyCodec.issue(mode);
        return new Minted(issued.plaintext(), issued.lookupId(), issued.hashHex());
    }
}
