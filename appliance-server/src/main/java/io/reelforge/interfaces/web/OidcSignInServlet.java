package io.reelforge.interfaces.web;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.ConsoleSessions.LoginOutcome;
import io.reelforge.application.console.DirectoryPrincipal;
import io.reelforge.application.console.OidcVerifier;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.security.directory.OidcClient;

/**
 * The console's OpenID Connect sign-in (docs/console-sign-in.md): {@code start} sends the browser to the provider
 * with a fresh state, nonce and PKCE challenge kept in its session; {@code callback} checks the answer and signs
 * the user in through {@link ConsoleSessions}; {@code logout} ends the console session, then the provider's.
 * Under /admin, so the console's Shiro filter binds the same session-backed subject as the console's pages.
 * Refusals go back to the sign-in page with a reason it shows ({@code ?oidc=...}); the log gets the details.
 */
@WebServlet(urlPatterns = "/admin/oidc/*")
public class OidcSignInServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(OidcSignInServlet.class.getName());
    private static final String PENDING = "reelforge.oidc.pending";
    private static final String ID_TOKEN = "reelforge.oidc.id-token";

    @Inject
    OidcClient oidc;

    @Inject
    ConsoleSessions sessions;

    @Inject
    Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (oidc.config().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        switch (Optional.ofNullable(request.getPathInfo()).orElse("")) {
            case "/start" -> start(request, response);
            case "/callback" -> callback(request, response);
            case "/logout" -> logout(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcVerifier.Pending pending = oidc.begin(URI.create(consoleUrl(request) + "/oidc/callback"));
        try {
            URI to = oidc.authorizationUri(pending);
            request.getSession().setAttribute(PENDING, pending);
            response.sendRedirect(to.toString());
        } catch (OidcVerifier.FailedException e) {
            LOG.log(Level.WARNING, "Console sign-in through OpenID Connect: " + e.getMessage());
            toLogin(request, response, "unavailable");
        }
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        OidcVerifier.Pending pending = session == null ? null : (OidcVerifier.Pending) session.getAttribute(PENDING);
        if (pending == null) {
            // A callback this browser did not start (or started in a session that has ended): nothing to finish.
            toLogin(request, response, "failed");
            return;
        }
        session.removeAttribute(PENDING);
        URI callback = URI.create(pending.redirectUri() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        LoginOutcome outcome;
        Optional<String> idToken = Optional.empty();
        try {
            ConsoleSessions.OidcLogin login = sessions.oidcLogin(callback, pending);
            outcome = login.outcome();
            idToken = login.idToken();
        } catch (DirectoryPrincipal.NoRoleException e) {
            outcome = sessions.oidcNoRole(e.username());
        } catch (OidcVerifier.FailedException e) {
            LOG.log(Level.WARNING, "Console sign-in through OpenID Connect failed: " + e.getMessage());
            sessions.oidcFailed(e.getMessage());
            toLogin(request, response, "failed");
            return;
        }
        switch (outcome) {
            case OK -> {
                request.getSession().setAttribute(ID_TOKEN, idToken.orElse(null));
                response.sendRedirect(consoleUrl(request));
            }
            case NO_ROLE -> toLogin(request, response, "no-role");
            default -> toLogin(request, response, "refused");
        }
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String idToken = session == null ? null : (String) session.getAttribute(ID_TOKEN);
        sessions.logout();
        URI login = URI.create(consoleUrl(request) + "/login");
        response.sendRedirect((idToken == null ? Optional.<URI>empty() : oidc.logoutUri(idToken, login)).orElse(login).toString());
    }

    private void toLogin(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        response.sendRedirect(consoleUrl(request) + "/login?oidc=" + reason);
    }

    /** The console's absolute address: the public URL when set (behind a proxy), else as this request reached it. */
    private String consoleUrl(HttpServletRequest request) {
        String base = settings.publicUrl().map(u -> u.replaceAll("/+$", "")).orElseGet(() -> {
            String url = request.getRequestURL().toString();
            return url.substring(0, url.indexOf(request.getRequestURI())) + request.getContextPath();
        });
        return base + "/admin";
    }
}
