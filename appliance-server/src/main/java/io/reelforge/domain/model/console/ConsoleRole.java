package io.reelforge.domain.model.console;

import java.util.Set;

/**
 * What a console user may do, as {@code domain:action} permissions the application services check on every
 * call. Money (credit grants) and console users stay with admins; operators run the day-to-day.
 */
public enum ConsoleRole {
    VIEWER(Set.of("dashboard:read", "accounts:read", "keys:read", "ledger:read", "generations:read", "audit:read")),
    OPERATOR(Set.of("dashboard:read", "accounts:read", "keys:read", "ledger:read", "generations:read", "audit:read",
            "accounts:create", "accounts:update", "keys:create", "keys:revoke", "generations:cancel")),
    ADMIN(Set.of("*"));

    private final Set<String> permissions;

    ConsoleRole(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }
}
