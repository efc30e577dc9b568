package io.reelforge.domain.model.account;

public enum AccountStatus {
    ACTIVE, DISABLED
}
