package io.reelforge.sdk;

/** 409, e.g. canceling a finished job (generation.not_cancelable). */
public class ConflictException extends ApiException {
    ConflictException(ApiException e) {
        super(e);
    }
}
