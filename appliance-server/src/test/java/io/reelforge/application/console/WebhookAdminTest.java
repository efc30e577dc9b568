package io.reelforge.application.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the audit log says about a webhook URL: where it goes, never a token a receiver put in its query. */
class WebhookAdminTest {

    @Test
    void theAuditLogShowsAUrlWithoutItsQuery() {
        assertEquals("https://cms.internal:8443/hooks/reelforge?…",
                WebhookAdmin.shown("https://cms.internal:8443/hooks/reelforge?token=s3cr3t&x=1"));
        assertEquals("http://10.0.0.7/hook", WebhookAdmin.shown("http://10.0.0.7/hook"));
        assertEquals("http://[fd12:3456::1]:9000", WebhookAdmin.shown("http://[fd12:3456::1]:9000"));
        assertEquals("http://cms.internal/a%20b", WebhookAdmin.shown("http://user:pw@cms.internal/a%20b#frag"));
    }
}
