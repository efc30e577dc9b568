package io.reelforge.domain.model.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyPrefixSearchTest {

    @Test
    void aDisplayPrefixGivesModeAndLookup() {
        assertEquals(new KeyPrefixSearch(KeyMode.LIVE, "abc"), KeyPrefixSearch.parse(" rf_live_abc "));
        assertEquals(new KeyPrefixSearch(KeyMode.TEST, "Ab-_9"), KeyPrefixSearch.parse("rf_test_Ab-_9…"));
        assertEquals(new KeyPrefixSearch(KeyMode.LIVE, "abc"), KeyPrefixSearch.parse("rf_live_abc..."));
    }

    @Test
    void aWholeKeyIsCutToItsLookupIdSoTheSecretIsNeverQueried() {
        String key = "rf_live_" + "A".repeat(12) + "S".repeat(43);
        assertEquals(new KeyPrefixSearch(KeyMode.LIVE, "A".repeat(12)), KeyPrefixSearch.parse(key));
    }

    @Test
    void partialModePrefixesAndBareLookups() {
        assertEquals(new KeyPrefixSearch(KeyMode.LIVE, ""), KeyPrefixSearch.parse("rf_li"));
        assertEquals(new KeyPrefixSearch(KeyMode.TEST, ""), KeyPrefixSearch.parse("rf_t"));
        assertEquals(new KeyPrefixSearch(null, ""), KeyPrefixSearch.parse("rf_"));
        assertEquals(new KeyPrefixSearch(null, ""), KeyPrefixSearch.parse(""));
        assertEquals(new KeyPrefixSearch(null, "xyz"), KeyPrefixSearch.parse("xyz"));
    }

    @Test
    void textThatCannotBeALookupIdMatchesNothing() {
        assertTrue(KeyPrefixSearch.parse("rf_live_abc").possible());
        assertFalse(KeyPrefixSearch.parse("abc%").possible());
        assertFalse(KeyPrefixSearch.parse("rf_live_a b").possible());
    }
}
