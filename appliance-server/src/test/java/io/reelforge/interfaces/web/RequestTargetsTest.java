package io.reelforge.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestTargetsTest {

    @Test
    void realPathsPass() {
        for (String path : new String[] {"/", "/v1/video/generate", "/v1/files/3f2a.mp4", "/v1/caf%C3%A9",
                "/v1/caf\u00c3\u00a9", "/admin/", "/v1/a%20b", "/docs/index.html", "/v1/videos/x;jsessionid=1"}) {
            assertNull(RequestTargets.problem(path), path);
        }
    }

    @Test
    void malformedEscapesAreRefused() {
        for (String path : new String[] {"/v1/generations/%zz", "/v1/%", "/v1/account%", "/v1/%4", "/v1/%4g", "/%%41"}) {
            assertTrue(RequestTargets.problem(path).contains("percent-escape"), path);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        for (String path : new String[] {"/v1/%c3%28", "/v1/%ff", "/v1/caf\u00e9", "/v1/%ed%a0%80"}) {
            assertTrue(RequestTargets.problem(path).contains("UTF-8"), path);
        }
    }

    @Test
    void whatIsNotAPathIsRefused() {
        for (String path : new String[] {"", "*", "HTTP/1.1", "v1/account"}) {
            assertTrue(RequestTargets.problem(path).contains("starts with '/'"), path);
        }
        for (String path : new String[] {"/v1/acc\u0000ount", "/v1/a\u007fb", "/v1/a\u0001"}) {
            assertTrue(RequestTargets.problem(path).contains("control character"), path);
        }
    }

    @Test
    void thePathGuardsRuleAppliesBelowTheContainerToo() {
        for (String path : new String[] {"/v1/files/..%5c..%5cadmin/", "/v1/files/..\\admin", "/v1/%2e%2e/admin/",
                "/../admin/", "/v1/./account", "/v1/files/..%2F..%2Fmetrics", "/v1/a%00"}) {
            assertEquals(RequestTargets.PATH_MESSAGE, RequestTargets.problem(path), path);
            assertTrue(RequestTargets.refused(path), path);
        }
        assertTrue(!RequestTargets.refused("/v1/video/generate"));
    }
}
