package io.reelforge.application.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.ApiKey;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.KeyPrefixSearch;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * API keys of an account. A new key is returned in full exactly once (only its hash is stored); a revoked key
 * fails on its next /v1 call, because the API checks revocation on every request.
 */
@ApplicationScoped
@Transactional
public class KeyAdmin {

    /** {@code createdBy} is null for keys made before it was recorded; {@code lastUsedAt} is kept to the minute. */
    public record KeyRow(String id, String prefix, String mode, String name, Instant createdAt, Instant lastUsedAt,
                         Instant revokedAt, String accountId, String accountName, String createdBy) {
    }

    /** The only time the whole key exists outside the caller: show it, then forget it. */
    public record NewKey(KeyRow key, String plaintext) {
    }

    @Inject
    KeyMint mint;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public List<KeyRow> keys(String accountId) {
        ConsoleSubject.require("keys:read");
        return accounts.keys(accountId).stream().map(KeyAdmin::row).toList();
    }

    /** Every account's keys whose prefix starts as typed ("rf_live_abc", "abc", a pasted key), newest first. */
    public List<KeyRow> search(String typedPrefix, int offset, int limit) {
        ConsoleSubject.require("keys:read");
        return accounts.searchKeys(KeyPrefixSearch.parse(typedPrefix), offset, limit).stream().map(KeyAdmin::row).toList();
    }

    public long count(String typedPrefix) {
        ConsoleSubject.require("keys:read");
        return accounts.countKeys(KeyPrefixSearch.parse(typedPrefix));
    }

    public NewKey create(String accountId, KeyMode mode, String name) {
        String actor = ConsoleSubject.require("keys:create");
        Account account = accounts.find(accountId).orElseThrow(() -> ReelforgeException.notFound("account", accountId));
        KeyMint.Minted issued = mint.mint(mode);
        ApiKey key = new ApiKey(account, mode, issued.lookupId(), issued.hashHex(),
                name == null || name.isBlank() ? null : name.trim(), actor, clock.instant());
        accounts.store(key);
        audit.record(actor, "keys:create", key.id(), key.displayPrefix() + " for account " + accountId);
        return new NewKey(row(key), issued.plaintext());
    }

    public void revoke(String keyId) {
        String actor = ConsoleSubject.require("keys:revoke");
        ApiKey key = accounts.key(keyId).orElseThrow(() -> ReelforgeException.notFound("api_key", keyId));
        key.revoke(clock.instant());
        audit.record(actor, "keys:revoke", key.id(), key.displayPrefix() + " of account " + key.account().id());
    }

    private static KeyRow row(ApiKey k) {
        return new KeyRow(k.id(), k.displayPrefix(), k.mode().name().toLowerCase(Locale.ROOT), k.name(),
                k.createdAt(), k.lastUsedAt(), k.revokedAt(), k.account().id(), k.account().name(), k.createdBy());
    }
}
