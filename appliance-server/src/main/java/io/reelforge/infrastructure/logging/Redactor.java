package io.reelforge.infrastructure.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log: API keys ({@code rf_live_}/{@code rf_test_}), webhook secrets
 * ({@code whsec_}), bearer tokens, URL signatures and password or secret values. The kind stays readable
 * ({@code rf_live_***}) so a line still says what was there.
 */
final class Redactor {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\b(rf_(?:live|test)_)[A-Za-z0-9_-]{6,}"), "$1***"),
            new Rule(Pattern.compile("\\b(whsec_)[A-Za-z0-9+/=_-]{6,}"), "$1***"),
            new Rule(Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{6,}"), "$1***"),
            new Rule(Pattern.compile("(?i)([?&;]\\s*(?:signature|sig|x-amz-signature|token)=)[^&\\s\"'<>]+"), "$1***"),
            new Rule(Pattern.compile("(?i)\\b((?:password|passwd|secret|api[_-]?key)\\s*[=:]\\s*\"?)[^\\s\"&,;]+"), "$1***"));

    private Redactor() {
    }

    static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(r.replacement());
            }
        }
        return out;
    }
}
