package io.reelforge.application.console;

import java.util.Optional;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.UnavailableSecurityManagerException;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.support.DelegatingSubject;
import org.apache.shiro.web.subject.WebSubject;

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

    /** The HTTP request behind the current call, if it came over HTTP with a console subject. */
    static Optional<jakarta.servlet.http.HttpServletRequest> request() {
        try {
            return SecurityUtils.getSubject() instanceof WebSubject web
                    && web.getServletRequest() instanceof jakarta.servlet.http.HttpServletRequest r ? Optional.of(r) : Optional.empty();
        } catch (UnavailableSecurityManagerException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * The caller's address as the server saw it (a proxy's own, behind one; forwarded headers are not trusted);
     * empty outside a request (the system's own actions, a job).
     */
    static Optional<String> address() {
        Subject subject;
        try {
            subject = SecurityUtils.getSubject();
        } catch (UnavailableSecurityManagerException | IllegalStateException e) {
            return Optional.empty();
        }
        if (subject instanceof WebSubject web && web.getServletRequest() != null) {
            return Optional.ofNullable(web.getServletRequest().getRemoteAddr());
        }
        // The admin API's session-less subject carries the address as its host.
        return subject instanceof DelegatingSubject d ? Optional.ofNullable(d.getHost()) : Optional.empty();
    }
}
