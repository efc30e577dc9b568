package io.reelforge.sdk;

/** 402: the balance is below the clip's price. */
public class InsufficientCreditsException extends ApiException {
    InsufficientCreditsException(ApiException e) {
        super(e);
    }
}
