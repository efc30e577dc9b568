package io.reelforge.domain.model.console;

import java.util.HashSet;
import java.util.Set;

/**
 * What a console user may do, as {@code domain:action} permissions the application services check on every
 * call. Viewers read; operators run the day-to-day (jobs, accounts, keys, granting credits, and the accounts'
 * webhook endpoints and redeliveries: {@code webhooks:manage}); taking credits away ({@code ledger:deduct}) and
 * letting a balance go below zero ({@code ledger:overdraw}) stay with admins, as do console users, the appliance's
 * settings, model versions ({@code models:import}, {@code models:activate}, {@code models:remove}: what
 * every customer's clips are rendered with) and the remote engine's upstream servers ({@code engines:manage}).
 */
public enum ConsoleRole {
    VIEWER(Set.of("dashboard:read", "accounts:read", "keys:read", "ledger:read", "generations:read", "audit:read",
            "plans:read", "models:read", "webhooks:read", "engines:read")),
    OPERATOR(union(VIEWER.permissions, Set.of("accounts:create", "accounts:update", "keys:create", "keys:revoke",
            "generations:cancel", "ledger:grant", "webhooks:manage"))),
    ADMIN(Set.of("*"));

    private final Set<String> permissions;

    ConsoleRole(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
