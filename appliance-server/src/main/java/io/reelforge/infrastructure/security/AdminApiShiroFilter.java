package io.reelforge.infrastructure.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.mgt.DefaultSubjectDAO;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.support.SubjectThreadState;

import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.infrastructure.config.Settings;

/**
 * Binds a fresh, anonymous Shiro subject with no session to every {@code /v1/admin} request, so the admin API's
 * HTTP Basic sign-in ({@link ConsoleCredentialsFilter}) and the application services' permission checks work
 * on it. Its security manager is not the console's and never reads or creates a session or a cookie: a console
 * session cannot call the admin API (no cross-site request rides on a logged-in browser), and each request
 * carries its own credentials.
 */
@WebFilter(urlPatterns = "/v1/admin/*", asyncSupported = true)
public class AdminApiShiroFilter extends HttpFilter {

    @Inject
    ConsoleUserRepository users;

    @Inject
    Settings settings;

    private DefaultSecurityManager manager;

    @Override
    public void init() {
        manager = ConsoleSecurity.configure(new DefaultSecurityManager(), users, settings);
        ((DefaultSubjectDAO) manager.getSubjectDAO()).setSessionStorageEvaluator(subject -> false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The caller's address as the subject's host: sign-in throttling and the failure audit go by it.
        Subject subject = new Subject.Builder(manager).host(request.getRemoteAddr()).sessionCreationEnabled(false)
                .buildSubject();
        SubjectThreadState state = new SubjectThreadState(subject);
        state.bind();
        try {
            chain.doFilter(request, response);
        } finally {
            state.restore();
        }
    }
}
