package io.reelforge.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class StructuredFormatterTest {

    private static final String KEY = "rf_live_AbCdEfGhIjKl" + "x".repeat(43);

    private static LogRecord record(String message, Throwable thrown) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setLoggerName("io.reelforge.test");
        r.setMillis(0);
        r.setThrown(thrown);
        return r;
    }

    @Test
    void keyValueCarriesTheContextAndQuotesWhatNeedsIt() throws Exception {
        Map<String, String> ctx = new LinkedHashMap<>();
        ctx.put(LogContext.REQUEST_ID, "req-1");
        ctx.put(LogContext.GENERATION_ID, "gen-2");
        String[] line = new String[1];
        Thread t = new Thread(() -> line[0] = new StructuredFormatter(false).format(record("render done ms=5", null), ctx), "worker-1");
        t.start();
        t.join();
        assertEquals("ts=1970-01-01T00:00:00Z level=warning logger=io.reelforge.test thread=worker-1 request_id=req-1 "
                + "generation_id=gen-2 msg=\"render done ms=5\"" + System.lineSeparator(), line[0]);
    }

    @Test
    void jsonIsOneEscapedObjectPerLine() {
        String line = new StructuredFormatter(true).format(record("two\nlines \"quoted\"", new IllegalStateException("boom")),
                Map.of(LogContext.REQUEST_ID, "r"));
        assertTrue(line.startsWith("{\"ts\":\"1970-01-01T00:00:00Z\",\"level\":\"warning\""));
        assertTrue(line.contains("\"request_id\":\"r\""));
        assertTrue(line.contains("\"msg\":\"two\\nlines \\\"quoted\\\"\""));
        assertTrue(line.contains("\"error\":\"java.lang.IllegalStateException: boom\\n\\tat "));
        assertEquals(1, line.strip().lines().count(), "one line");
    }

    @Test
    void secretsAreMaskedInMessagesAndStackTraces() {
        String url = "http://h/v1/files/x.mp4?expires=1764100000&signature=3q2-7wAbCdEf_gh";
        String message = "key " + KEY + " url " + url + " secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw "
                + "Authorization: Bearer abcdef123456 password=hunter2hunter2 s3 ?X-Amz-Signature=deadbeef00";
        String line = new StructuredFormatter(false).format(record(message, new RuntimeException("bad key " + KEY)), Map.of());
        for (String secret : new String[] {KEY.substring(8), "3q2-7wAbCdEf_gh", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "abcdef123456", "hunter2hunter2", "deadbeef00"}) {
            assertFalse(line.contains(secret), secret + " leaked: " + line);
        }
        assertTrue(line.contains("rf_live_***") && line.contains("signature=***") && line.contains("whsec_***"), line);
        assertTrue(line.contains("expires=1764100000"), "what is not secret stays readable");
    }

    @Test
    void contextScopesRestoreWhatWasThere() {
        LogContext.clear();
        try (LogContext.Scope outer = LogContext.put(LogContext.GENERATION_ID, "a")) {
            try (LogContext.Scope inner = LogContext.put(LogContext.GENERATION_ID, "b")) {
                assertEquals("b", LogContext.get(LogContext.GENERATION_ID));
            }
            assertEquals("a", LogContext.get(LogContext.GENERATION_ID));
        }
        assertEquals(null, LogContext.get(LogContext.GENERATION_ID));
    }
}
