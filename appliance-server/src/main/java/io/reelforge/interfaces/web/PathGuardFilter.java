package io.reelforge.interfaces.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * First in the chain (declared in web.xml, mapped to /*): refuses a path with an encoded {@code /} or {@code \},
 * an encoded dot, a backslash or a dot segment with 400 before anything routes on it. The container decodes and
 * normalises such a path before choosing the servlet, so {@code /v1/files/..%2f..%2fadmin/} would otherwise reach
 * the console behind a proxy that only lets {@code /v1/*} through. No real URL of this appliance has them.
 * It also gives every answer a standard reason phrase ({@link ReasonPhrases}).
 */
public class PathGuardFilter extends HttpFilter {

    /** Checked on the raw, still-encoded request URI. */
    private static final Pattern REFUSED = Pattern.compile(
            "%2f|%5c|%2e|%00|\\\\|(^|/)\\.{1,2}(/|$)");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String raw = request.getRequestURI();
        HttpServletResponse answer = ReasonPhrases.wrap(response);
        if (raw != null && REFUSED.matcher(raw.toLowerCase(Locale.ROOT)).find()) {
            JsonErrors.write(answer, 400, "invalid_request_error", "invalid_path",
                    "The request path has an encoded '/', '\\' or '.', or a '.' or '..' segment; no URL of this "
                            + "appliance has one.");
            return;
        }
        chain.doFilter(request, answer);
    }
}
