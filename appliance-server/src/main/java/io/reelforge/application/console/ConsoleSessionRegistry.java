package io.reelforge.application.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.reelforge.domain.model.console.ConsoleSession;
import io.reelforge.domain.model.console.ConsoleSessionRepository;

/**
 * The console's open sessions. Each is a row in the database (so any node can list every node's sessions and end
 * one) and, on the node that holds it, the HttpSession itself (so ending it here takes effect at once). A session
 * ended on another node's page loses its row; the holding node sees that at the session's next request (within
 * {@link ConsoleSession#SEEN_RESOLUTION}) and ends it. Rows of sessions that ended without notice (a node killed)
 * are dropped once they are idle longer than the console's session timeout.
 */
@ApplicationScoped
public class ConsoleSessionRegistry {

    /** The session's row id, kept in the HttpSession. */
    static final String ROW = "reelforge.console.session";
    private static final String SEEN = "reelforge.console.session.seen";

    @Inject
    ConsoleSessionRepository rows;

    @Inject
    SignInLimits settings;

    @Inject
    Clock clock;

    private final Map<String, HttpSession> local = new ConcurrentHashMap<>();
    private final String node = hostName();

    /** A user signed in on this request's session (its id already renewed). */
    void started(HttpServletRequest request, String username) {
        HttpSession http = request.getSession();
        Instant now = clock.instant();
        ConsoleSession row = new ConsoleSession(username, node, request.getRemoteAddr(), now);
        rows.store(row);
        http.setAttribute(ROW, row.id());
        http.setAttribute(SEEN, now);
        local.put(row.id(), http);
    }

    /**
     * Every console request: notes when the session was last seen (Vaadin's heartbeat, which an open tab sends by
     * itself, does not count), and ends a session signed out from another node.
     */
    public void seen(HttpServletRequest request) {
        HttpSession http = request.getSession(false);
        if (http == null || "heartbeat".equals(request.getParameter("v-r"))) {
            return;
        }
        String id;
        Instant last;
        try {
            id = (String) http.getAttribute(ROW);
            last = (Instant) http.getAttribute(SEEN);
        } catch (IllegalStateException invalidated) {
            return;
        }
        Instant now = clock.instant();
        if (id == null || last != null && last.plus(ConsoleSession.SEEN_RESOLUTION).isAfter(now)) {
            return;
        }
        if (rows.seen(id, now)) {
            http.setAttribute(SEEN, now);
        } else {
            local.remove(id);
            http.invalidate();
        }
    }

    /** The HttpSession ended (sign-out, idle timeout, or ended by an admin): its row goes. */
    public void ended(HttpSession http) {
        Object id = http.getAttribute(ROW);
        if (id instanceof String rowId) {
            local.remove(rowId);
            rows.remove(rowId);
        }
    }

    /** This request's session row, if it signed in. */
    Optional<String> current(HttpServletRequest request) {
        HttpSession http = request.getSession(false);
        return http == null ? Optional.empty() : Optional.ofNullable((String) http.getAttribute(ROW));
    }

    List<ConsoleSession> of(String username) {
        rows.removeUnseenSince(clock.instant().minus(settings.consoleSessionTimeout()));
        return rows.ofUser(username);
    }

    /** Ends a session: at once when this node holds it, at its next request on another node. */
    void end(String rowId) {
        rows.remove(rowId);
        HttpSession http = local.remove(rowId);
        if (http != null) {
            try {
                http.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // ended meanwhile: nothing left to do
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
