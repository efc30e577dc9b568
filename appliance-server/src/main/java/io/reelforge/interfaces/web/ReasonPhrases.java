package io.reelforge.interfaces.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Standard reason phrases for the statuses the container does not know (it writes {@code 422 CUSTOM} and
 * {@code 429 CUSTOM}). Servlet 6 has no way to set a reason phrase, so this reaches the container's own response
 * (Payara's Catalina facade over Grizzly) once per such answer; where that is not possible the status line keeps
 * the container's phrase and nothing else changes.
 */
final class ReasonPhrases {

    private static final Logger LOG = Logger.getLogger(ReasonPhrases.class.getName());
    private static final Map<Integer, String> PHRASES = Map.of(
            416, "Range Not Satisfiable",
            422, "Unprocessable Content",
            428, "Precondition Required",
            429, "Too Many Requests",
            431, "Request Header Fields Too Large");

    private ReasonPhrases() {
    }

    static HttpServletResponse wrap(HttpServletResponse response) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                super.setStatus(sc);
                phrase(getResponse(), sc);
            }

            @Override
            public void sendError(int sc, String msg) throws java.io.IOException {
                super.sendError(sc, msg);
                phrase(getResponse(), sc);
            }

            @Override
            public void sendError(int sc) throws java.io.IOException {
                super.sendError(sc);
                phrase(getResponse(), sc);
            }
        };
    }

    private static void phrase(ServletResponse response, int status) {
        String phrase = PHRASES.get(status);
        if (phrase == null) {
            return;
        }
        try {
            Object r = response;
            while (r instanceof jakarta.servlet.ServletResponseWrapper w) {
                r = w.getResponse();
            }
            // ResponseFacade.response -> catalina Response.getCoyoteResponse() -> grizzly Response.setStatus(int, String)
            Field inner = field(r.getClass(), "response");
            Object catalina = inner == null ? r : inner.get(r);
            Method coyote = catalina.getClass().getMethod("getCoyoteResponse");
            Object grizzly = coyote.invoke(catalina);
            grizzly.getClass().getMethod("setStatus", int.class, String.class).invoke(grizzly, status, phrase);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot set the reason phrase", e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
