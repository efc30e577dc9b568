package io.reelforge.domain.model.account;

/** Live keys render on the configured engine and are charged; test keys always use the sandbox, free. */
public enum KeyMode {
    LIVE("rf_live_"), TEST("rf_test_");

    private final String prefix;

    KeyMode(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
