package io.reelforge.infrastructure.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.annotation.WebFilter;

import org.apache.shiro.web.mgt.DefaultWebSecurityManager;
import org.apache.shiro.web.servlet.AbstractShiroFilter;

import io.reelforge.application.console.ConsoleSessionRegistry;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.infrastructure.config.Settings;

/**
 * Binds the console user's Shiro subject to every {@code /admin} request, so the application services can
 * check permissions whatever view calls them. It blocks nothing itself: the console's navigation guard sends
 * anonymous users to the login view. Sessions are the servlet container's (the same HttpSession Vaadin uses),
 * so logging out ends both. /v1 never passes here: an API key cannot open the console, nor a console session
 * call the API.
 */
@WebFilter(urlPatterns = "/admin/*", asyncSupported = true)
public class ConsoleShiroFilter extends AbstractShiroFilter {

    @Inject
    ConsoleUserRepository users;

    @Inject
    ConsoleSessionRegistry sessions;

    @Inject
    Settings settings;

    @Override
    public void init() throws Exception {
        // No remember-me cookie (ConsoleSecurity): a console login lasts one session.
        setSecurityManager(ConsoleSecurity.configure(new DefaultWebSecurityManager(), users, settings));
    }

    /** With the subject bound: notes the session as seen (and ends one signed out from another node) first. */
    @Override
    protected void executeChain(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            sessions.seen(http);
        }
        super.executeChain(request, response, chain);
    }
}
