package io.reelforge.interfaces.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's theme stylesheets, from the Lumo theme's jar ({@code META-INF/resources/lumo/}): the console's pages
 * (under /admin) link Lumo's as {@code /lumo/lumo.css}, a path the API would otherwise answer with its JSON 404, since
 * the API owns "/". Only the theme's own files by name: nothing else of the application's resources is reachable here.
 */
@WebServlet(urlPatterns = "/lumo/*")
public class ThemeStylesheetServlet extends HttpServlet {

    /** What the theme's jar holds; the console links the first. */
    private static final Set<String> FILES = Set.of("/lumo.css", "/utility.css", "/presets/compact.css");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        InputStream in = name != null && FILES.contains(name) ? getServletContext().getResourceAsStream("/lumo" + name) : null;
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (in) {
            response.setContentType("text/css;charset=UTF-8");
            // the page links it with the application's version in its query (?v-c=...): a new release asks again
            response.setHeader("Cache-Control", "public, max-age=86400");
            in.transferTo(response.getOutputStream());
        }
    }
}
