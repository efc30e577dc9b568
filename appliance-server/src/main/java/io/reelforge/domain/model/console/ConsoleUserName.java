package io.reelforge.domain.model.console;

import java.util.regex.Pattern;

/**
 * The one rule for the name of a console user the appliance makes (in the console, from the host with
 * {@code reelforge create-admin}, or the first admin at the first start): 2 to 64 lower-case letters, digits,
 * '.', '_', '-' or '@', starting with a letter or a digit. Lower case only, so "Admin" and "admin" can never be
 * two users. A directory's users keep the name their directory gives them.
 */
public final class ConsoleUserName {

    /** For {@code @Pattern} on forms. */
    public static final String PATTERN = "[a-z0-9][a-z0-9._@-]{1,63}";

    public static final String RULE = "2 to 64 lower-case letters, digits, '.', '_', '-' or '@', starting with a letter or a digit";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ConsoleUserName() {
    }

    public static boolean isValid(String name) {
        return name != null && COMPILED.matcher(name).matches();
    }
}
