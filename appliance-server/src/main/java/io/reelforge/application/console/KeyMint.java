package io.reelforge.application.console;

import io.reelforge.domain.model.account.KeyMode;

/** New API keys: the key in full (shown once), its public lookup id and the hash that is stored. Implemented by the security layer. */
public interface KeyMint {

    record Minted(String plaintext, String lookupId, String hashHex) {
    }

    Minted mint(KeyMode mode);
}
