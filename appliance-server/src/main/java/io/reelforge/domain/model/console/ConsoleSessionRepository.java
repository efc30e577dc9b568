package io.reelforge.domain.model.console;

import java.time.Instant;
import java.util.List;

public interface ConsoleSessionRepository {

    void store(ConsoleSession session);

    /** A user's open sessions, newest first. */
    List<ConsoleSession> ofUser(String username);

    /** Sets the last-seen time; false when the row is gone (the session was signed out from elsewhere). */
    boolean seen(String id, Instant at);

    void remove(String id);

    /** Forgets the sessions not seen since then (past the idle timeout, or lost with a node that stopped). */
    int removeUnseenSince(Instant since);
}
