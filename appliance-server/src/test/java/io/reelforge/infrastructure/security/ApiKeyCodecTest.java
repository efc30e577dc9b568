package io.reelforge.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.account.KeyMode;

class ApiKeyCodecTest {

    @Test
    void issuedKeysParseBackToTheirHash() {
        ApiKeyCodec.Issued k = ApiKeyCodec.issue(KeyMode.LIVE);
        assertTrue(k.plaintext().startsWith("rf_live_"));
        assertEquals(63, k.plaintext().length());
        ApiKeyCodec.Presented p = ApiKeyCodec.parse(k.plaintext()).orElseThrow();
        assertEquals(KeyMode.LIVE, p.mode());
        assertEquals(k.lookupId(), p.lookupId());
        assertArrayEquals(HexFormat.of().parseHex(k.hashHex()), p.hash());
        assertTrue(!k.hashHex().contains(k.plaintext().substring(20)), "the secret is not stored");
    }

    @Test
    void keysAreRandom() {
        assertNotEquals(ApiKeyCodec.issue(KeyMode.TEST).plaintext(), ApiKeyCodec.issue(KeyMode.TEST).plaintext());
    }

    @Test
    void malformedKeysDoNotParse() {
        String good = ApiKeyCodec.issue(KeyMode.TEST).plaintext();
        assertTrue(ApiKeyCodec.parse(null).isEmpty());
        assertTrue(ApiKeyCodec.parse(good.substring(1)).isEmpty());
        assertTrue(ApiKeyCodec.parse("rf_prod_" + good.substring(8)).isEmpty());
        assertTrue(ApiKeyCodec.parse(good.substring(0, 62) + "!").isEmpty());
        assertTrue(ApiKeyCodec.adopt(good).isPresent());
    }
}
