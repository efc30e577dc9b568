package io.reelforge.models;

/**
 * Where a model version is in its life: PENDING while it is copied and verified, then READY (it may be
 * activated) or FAILED (with the reason). Only a READY version is ever loaded for renders.
 */
public enum VersionState {
    PENDING, READY, FAILED
}
