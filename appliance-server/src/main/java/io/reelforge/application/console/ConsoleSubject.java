package io.reelforge.application.console;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;

/** The console user behind the current call, and the permission check every console service starts with. */
final class ConsoleSubject {

    private ConsoleSubject() {
    }

    /** Throws Shiro's {@code AuthorizationException} (unauthenticated or lacking it); returns the actor name. */
    static String require(String permission) {
        Subject subject = SecurityUtils.getSubject();
        subject.checkPermission(permission);
        return actor(subject);
    }

    static String actor(Subject subject) {
        return actor((String) subject.getPrincipal());
    }

    /** How the audit log and the ledger name a console user. */
    static String actor(String username) {
        return "console:" + username;
    }
}
