package io.reelforge.sdk;

/** 400 or 422; param() names the field. */
public class ValidationException extends ApiException {
    ValidationException(ApiException e) {
        super(e);
    }
}
