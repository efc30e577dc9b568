package io.reelforge.domain.model.console;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which console role a directory's groups give: the highest role any of the user's groups is listed under, or
 * none (the user may not use the console). A configured group is either a full DN
 * ({@code cn=rf-admins,ou=groups,dc=example,dc=org}), matched whole, or a plain name ({@code rf-admins},
 * an OpenID Connect groups claim value, an AD group's CN), matched against the name itself or the first RDN's value of a DN. Case
 * never matters, as in LDAP; spaces around a DN's commas do not either.
 */
public final class DirectoryRoles {

    private final Map<ConsoleRole, Set<String>> groups = new LinkedHashMap<>();

    public DirectoryRoles(Collection<String> adminGroups, Collection<String> operatorGroups, Collection<String> viewerGroups) {
        // Highest first: the first role with a matching group wins.
        groups.put(ConsoleRole.ADMIN, normalised(adminGroups));
        groups.put(ConsoleRole.OPERATOR, normalised(operatorGroups));
        groups.put(ConsoleRole.VIEWER, normalised(viewerGroups));
    }

    /** Whether any group is mapped at all (a directory with no mapping lets nobody in). */
    public boolean isEmpty() {
        return groups.values().stream().allMatch(Set::isEmpty);
    }

    public Optional<ConsoleRole> roleFor(Collection<String> memberOf) {
        List<String> mine = memberOf.stream().map(DirectoryRoles::normalise).toList();
        for (Map.Entry<ConsoleRole, Set<String>> e : groups.entrySet()) {
            for (String group : mine) {
                if (e.getValue().contains(group) || e.getValue().contains(firstRdnValue(group))) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static Set<String> normalised(Collection<String> names) {
        return names.stream().map(String::trim).filter(s -> !s.isEmpty()).map(DirectoryRoles::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String normalise(String group) {
        return group.trim().replaceAll("\\s*,\\s*", ",").replaceAll("\\s*=\\s*", "=").toLowerCase(Locale.ROOT);
    }

    /** {@code cn=rf-admins,ou=groups,...} gives {@code rf-admins}; a plain name (no '=') gives nothing. */
    private static String firstRdnValue(String dn) {
        int eq = dn.indexOf('=');
        if (eq < 0) {
            return "";
        }
        int end = eq + 1;
        while (end < dn.length() && dn.charAt(end) != ',' && dn.charAt(end) != '+') {
            end += dn.charAt(end) == '\\' ? 2 : 1;
        }
        return dn.substring(eq + 1, Math.min(end, dn.length())).replace("\\", "");
    }
}
