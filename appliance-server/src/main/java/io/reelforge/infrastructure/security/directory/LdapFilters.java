package io.reelforge.infrastructure.security.directory;

/**
 * Escaping of values put into LDAP search filters (RFC 4515): a user name such as {@code *)(uid=*} must match
 * itself, never widen the search. The five special characters and NUL are written as backslash + hex; so is every
 * other control character, which no directory name needs.
 */
public final class LdapFilters {

    private LdapFilters() {
    }

    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\5c");
                case '*' -> out.append("\\2a");
                case '(' -> out.append("\\28");
                case ')' -> out.append("\\29");
                case '\0' -> out.append("\\00");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append('\\').append(String.format("%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A filter template with {@code {0}} replaced by the escaped value (literally: no regex, no format). */
    public static String fill(String template, String value) {
        return template.replace("{0}", escape(value));
    }
}
