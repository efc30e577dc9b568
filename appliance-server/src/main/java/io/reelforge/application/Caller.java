package io.reelforge.application;

import io.reelforge.domain.model.account.KeyMode;

/** Who is calling /v1: the account and key behind the request's API key. */
public record Caller(String accountId, String apiKeyId, KeyMode mode, String keyPrefix, String planId) {

    /** How the ledger names this caller as an actor. */
    public String actor() {
        return "api-key:" + keyPrefix;
    }
}
