package io.reelforge.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import jakarta.servlet.annotation.WebServlet;

import org.junit.jupiter.api.Test;

/**
 * Vaadin's heartbeat (every 5 minutes from an open tab) would otherwise keep a console session alive forever:
 * closeIdleSessions makes the session timeout count user actions only.
 */
class ConsoleServletTest {

    @Test
    void idleSessionsCloseDespiteTheHeartbeat() {
        WebServlet servlet = ConsoleServlet.class.getAnnotation(WebServlet.class);
        assertTrue(Arrays.stream(servlet.initParams())
                .anyMatch(p -> p.name().equals("closeIdleSessions") && p.value().equals("true")));
    }
}
