package io.reelforge.infrastructure.security.directory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.reelforge.domain.model.console.DirectoryRoles;
import io.reelforge.infrastructure.config.Settings;

/**
 * The {@code reelforge.console.ldap.*} and {@code reelforge.console.oidc.*} settings (docs/console-sign-in.md).
 * The LDAP realm reads them once when the console's security starts: changing them takes a restart. Secrets (the
 * bind password, the client secret) are kept here only; these records' {@code toString()} never shows them.
 */
public final class DirectorySettings {

    private DirectorySettings() {
    }

    public record Ldap(String url, Optional<String> bindDn, Optional<String> bindPassword,
                       Optional<String> userDnTemplate, String userSearchBase, String userFilter,
                       String usernameAttribute, Optional<String> groupSearchBase, String groupFilter,
                       DirectoryRoles roles, Duration connectTimeout, Duration readTimeout) {
        @Override
        public String toString() {
            return "ldap " + url + bindDn.map(d -> " bound as " + d).orElse("");
        }
    }

    public record Oidc(String issuer, String clientId, Optional<String> clientSecret, String providerName,
                       List<String> scopes, String usernameClaim, String groupsClaim, DirectoryRoles roles,
                       Duration connectTimeout, Duration readTimeout) {
        @Override
        public String toString() {
            return "oidc " + issuer + " as client " + clientId;
        }
    }

    /** Empty unless {@code reelforge.console.oidc.issuer} is set. */
    public static Optional<Oidc> oidc(Settings s) {
        String p = "reelforge.console.oidc.";
        return s.optional(p + "issuer").map(issuer -> new Oidc(issuer,
                s.optional(p + "client-id").orElseThrow(() -> new IllegalStateException(p + "client-id is not set")),
                s.optional(p + "client-secret"), s.optional(p + "provider-name").orElse("your company account"),
                Arrays.stream(s.optional(p + "scopes").orElse("openid profile email groups").split("[,\\s]+"))
                        .filter(x -> !x.isEmpty()).toList(),
                s.optional(p + "username-claim").orElse("preferred_username"),
                s.optional(p + "groups-claim").orElse("groups"),
                roles(s, p), duration(s, p + "connect-timeout", "PT5S"), duration(s, p + "read-timeout", "PT10S")));
    }

    /** Empty unless {@code reelforge.console.ldap.url} is set. */
    public static Optional<Ldap> ldap(Settings s) {
        String p = "reelforge.console.ldap.";
        return s.optional(p + "url").map(url -> new Ldap(url,
                s.optional(p + "bind-dn"), s.optional(p + "bind-password"), s.optional(p + "user-dn-template"),
                s.optional(p + "user-search-base").orElse(""),
                s.optional(p + "user-filter").orElse("(uid={0})"),
                s.optional(p + "username-attribute").orElse("uid"),
                s.optional(p + "group-search-base"),
                s.optional(p + "group-filter").orElse("(|(member={0})(uniqueMember={0}))"),
                roles(s, p), duration(s, p + "connect-timeout", "PT5S"), duration(s, p + "read-timeout", "PT10S")));
    }

    private static DirectoryRoles roles(Settings s, String prefix) {
        return new DirectoryRoles(groups(s, prefix + "admin-groups"), groups(s, prefix + "operator-groups"),
                groups(s, prefix + "viewer-groups"));
    }

    /** Groups are separated by ';' (a DN has commas of its own). */
    private static List<String> groups(Settings s, String key) {
        return s.optional(key).map(v -> Arrays.stream(v.split(";")).map(String::trim).filter(g -> !g.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Duration duration(Settings s, String key, String fallback) {
        return Duration.parse(s.optional(key).orElse(fallback));
    }
}
