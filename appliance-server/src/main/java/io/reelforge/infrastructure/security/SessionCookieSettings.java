package io.reelforge.infrastructure.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie: HttpOnly, {@code SameSite=Lax} (no cross-site request carries it but a plain link),
 * and Secure whenever the request came over TLS (the container's default, left as is, so the plain HTTP port
 * keeps working beside an HTTPS one).
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
    }
}
