package io.reelforge.sdk;

/** 403, e.g. resolution_not_allowed with param resolution. */
public class PermissionDeniedException extends ApiException {
    PermissionDeniedException(ApiException e) {
        super(e);
    }
}
