package io.reelforge.models;

import java.util.Objects;

/**
 * One imported version of a model family, as the registry records it.
 *
 * @param family     the family id ({@code wan2.1-t2v-1.3b})
 * @param version    the manifest's version, unique within the family
 * @param reason     why a FAILED version failed, in words an administrator can act on; null otherwise
 * @param importedAt when the import began, ISO-8601 UTC
 */
public record ModelVersion(String family, String version, VersionState state, String reason, String importedAt) {

    public ModelVersion {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }

    ModelVersion ready() {
        return new ModelVersion(family, version, VersionState.READY, null, importedAt);
    }

    ModelVersion failed(String why) {
        return new ModelVersion(family, version, VersionState.FAILED, why, importedAt);
    }

    @Override
    public String toString() {
        return family + "/" + version + " (" + state + (reason == null ? "" : ": " + reason) + ")";
    }
}
