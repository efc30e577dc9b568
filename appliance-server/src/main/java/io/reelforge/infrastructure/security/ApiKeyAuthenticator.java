package io.reelforge.infrastructure.security;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.Caller;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.ApiKey;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** Checks a presented key against the stored hash and says whose it is. */
@ApplicationScoped
public class ApiKeyAuthenticator {

    @Inject
    AccountRepository accounts;

    @Inject
    Clock clock;

    @Transactional
    public Caller authenticate(String presented) {
        ApiKeyCodec.Presented p = ApiKeyCodec.parse(presented).orElseThrow(ApiKeyAuthenticator::invalid);
        ApiKey key = accounts.keyByLookupId(p.lookupId()).orElseThrow(ApiKeyAuthenticator::invalid);
        if (!key.matches(p.hash()) || key.mode() != p.mode()) {
            throw invalid();
        }
        if (!key.isUsable(clock.instant())) {
            throw new ReelforgeException(ErrorType.AUTHENTICATION, "api_key_revoked",
                    "This API key is revoked or expired, or its account is disabled.");
        }
        key.touch(clock.instant());
        return new Caller(key.account().id(), key.id(), key.mode(), key.displayPrefix(), key.account().plan().id());
    }

    private static ReelforgeException invalid() {
        return new ReelforgeException(ErrorType.AUTHENTICATION, "invalid_api_key", "The API key is not valid.");
    }
}
