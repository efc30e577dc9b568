package io.reelforge.infrastructure.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser-facing security headers on every answer, set before anything else writes: a Content-Security-Policy
 * (the console's allows what Vaadin's bundle needs: its inline bootstrap and {@code executeJs}, inline styles, data:
 * images and fonts; the API's allows nothing to run), no MIME sniffing, no Referer (signed URLs carry their
 * signature in the query), no powerful browser features, no framing, and HSTS when the request came over TLS.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** JSON, clips and posters: nothing in them may run or load anything (a clip opened in a tab still plays). */
    static final String API_CSP = "default-src 'none'; media-src 'self'; img-src 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'none'";

    static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(),"
            + " microphone=(), payment=(), usb=(), fullscreen=(self)";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/admin") ? CONSOLE_CSP : API_CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
