package io.reelforge.sdk;

/** 401: no key, a bad key or a revoked one. */
public class AuthenticationException extends ApiException {
    AuthenticationException(ApiException e) {
        super(e);
    }
}
