package io.reelforge.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.Buffers;
import org.junit.jupiter.api.Test;

class CodecRefusalsTest {

    private static Buffer bytes(String s) {
        return Buffers.wrap(null, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void recognisesTheCodecsEmptyErrorAnswers() {
        assertEquals(400, CodecRefusals.emptyErrorStatus(bytes("HTTP/1.1 400 Bad Request\r\nServer: Payara Micro\r\n"
                + "Date: Sat, 05 Dec 2026 03:24:06 GMT\r\nConnection: close\r\nContent-Length: 0\r\n"
                + "X-Frame-Options: SAMEORIGIN\r\n\r\n")));
        assertEquals(505, CodecRefusals.emptyErrorStatus(bytes("HTTP/1.1 505 HTTP Version Not Supported\r\n"
                + "Connection: close\r\nContent-Length: 0\r\n\r\n")));
    }

    @Test
    void leavesEverythingElseAlone() {
        assertEquals(0, CodecRefusals.emptyErrorStatus(bytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")));
        assertEquals(0, CodecRefusals.emptyErrorStatus(bytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 12\r\n\r\n")));
        assertEquals(0, CodecRefusals.emptyErrorStatus(bytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n{}")));
        assertEquals(0, CodecRefusals.emptyErrorStatus(bytes("{\"error\": \"HTTP/1.1 400\"}")));
        assertEquals(0, CodecRefusals.emptyErrorStatus(bytes("")));
    }
}
