package io.reelforge.sdk;

/** 5xx. */
public class ServerException extends ApiException {
    ServerException(ApiException e) {
        super(e);
    }
}
