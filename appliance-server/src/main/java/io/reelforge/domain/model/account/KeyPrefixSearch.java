package io.reelforge.domain.model.account;

/**
 * What someone typed to find a key ("rf_live_abc", "abc", a whole key pasted, a prefix copied with its
 * ellipsis): the mode when it says one, and the start of the public lookup id. Only that much of a key is
 * ever stored, so a whole key is cut to its lookup id and its secret half never reaches a query.
 */
public record KeyPrefixSearch(KeyMode mode, String lookupPrefix) {

    private static final int LOOKUP_CHARS = 12;

    public static KeyPrefixSearch parse(String typed) {
        String s = typed == null ? "" : typed.strip();
        s = s.endsWith("…") ? s.substring(0, s.length() - 1) : s.endsWith("...") ? s.substring(0, s.length() - 3) : s;
        KeyMode mode = null;
        String rest = s;
        for (KeyMode m : KeyMode.values()) {
            if (s.startsWith(m.prefix())) {
                mode = m;
                rest = s.substring(m.prefix().length());
            } else if (!s.isEmpty() && m.prefix().startsWith(s) && !otherPrefixStartsWith(m, s)) {
                mode = m; // "rf_li": every live key, no test key
                rest = "";
            }
        }
        if (mode == null && "rf_".startsWith(s)) {
            rest = ""; // "r", "rf", "rf_": any key
        }
        rest = rest.length() > LOOKUP_CHARS ? rest.substring(0, LOOKUP_CHARS) : rest;
        return new KeyPrefixSearch(mode, rest);
    }

    /** Whether the search can match any key at all: lookup ids are base64url. */
    public boolean possible() {
        return lookupPrefix.matches("[A-Za-z0-9_-]*");
    }

    private static boolean otherPrefixStartsWith(KeyMode mode, String s) {
        for (KeyMode m : KeyMode.values()) {
            if (m != mode && m.prefix().startsWith(s)) {
                return true;
            }
        }
        return false;
    }
}
