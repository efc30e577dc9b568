package io.reelforge.interfaces.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request path may look like, checked on the raw, still-encoded path (no query string): the one rule that
 * {@link PathGuardFilter} applies inside the servlet container and {@link RequestTargetFilter} applies below it, where
 * Catalina would otherwise refuse or fail on the same paths with an empty answer.
 */
final class RequestTargets {

    static final String PATH_MESSAGE = "The request path has an encoded '/', '\\' or '.', or a '.' or '..' segment; "
            + "no URL of this appliance has one.";

    /** An encoded {@code /}, {@code \}, {@code .} or NUL, a backslash, a dot segment. */
    private static final Pattern REFUSED = Pattern.compile("%2f|%5c|%2e|%00|\\\\|(^|/)\\.{1,2}(/|$)");

    private RequestTargets() {
    }

    /** Whether a raw path has what no URL of this appliance has (the path guard's rule). */
    static boolean refused(String rawPath) {
        return REFUSED.matcher(rawPath.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * Why this raw path (its bytes as ISO-8859-1 characters) cannot be served, or null when it can: not a path, a
     * control character, a malformed percent-escape, bytes that are not UTF-8 once decoded, or {@link #refused}.
     */
    static String problem(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "The request target must be a path that starts with '/'.";
        }
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return "The request path has a control character or a space; encode it.";
            }
            if (c == '%') {
                int high = i + 1 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return "The request path has a malformed percent-escape: '%' must be followed by two hex digits "
                            + "(write a '%' itself as %25).";
                }
                decoded.write(high * 16 + low);
                i += 2;
            } else {
                decoded.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded.toByteArray()));
        } catch (CharacterCodingException e) {
            return "The request path is not UTF-8 once its percent-escapes are decoded.";
        }
        return refused(rawPath) ? PATH_MESSAGE : null;
    }
}
