package io.reelforge.models;

import java.util.Objects;

/**
 * One imported version of a model family, as the registry records it.
 *
 * @param family     the family id ({@code wan2.1-t2v-1.3b})
 * @param version    the manifest's version, unique within the family
 * @param reason     why a FAILED version failed, in words an administrator can act on; null otherwise
 * @param importedAt when the import began, ISO-8601 UTC
 * @param digest     the sha256 of the verified copy's manifest.json (which holds every component's sha256), so a node
 *                   that loads another node's import can tell its own copy is the same package; null before READY
 *                   and for versions recorded before it was kept
 * @param node       the node that imported (and, while PENDING, verifies) it; null in a registry of one process
 */
public record ModelVersion(String family, String version, VersionState state, String reason, String importedAt,
                           String digest, String node) {

    public ModelVersion {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }

    public ModelVersion(String family, String version, VersionState state, String reason, String importedAt) {
        this(family, version, state, reason, importedAt, null, null);
    }

    ModelVersion ready(String manifestDigest) {
        return new ModelVersion(family, version, VersionState.READY, null, importedAt, manifestDigest, node);
    }

    ModelVersion failed(String why) {
        return new ModelVersion(family, version, VersionState.FAILED, why, importedAt, digest, node);
    }

    @Override
    public String toString() {
        return family + "/" + version + " (" + state + (reason == null ? "" : ": " + reason) + ")";
    }
}
