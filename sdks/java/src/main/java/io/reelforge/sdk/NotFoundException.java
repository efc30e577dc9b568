package io.reelforge.sdk;

/** 404. */
public class NotFoundException extends ApiException {
    NotFoundException(ApiException e) {
        super(e);
    }
}
