package io.reelforge.models;

import java.nio.file.Path;

/**
 * Checks a manifest against its family's row: the exported components were built for the family's latent
 * shape and frame rule, so a manifest that says otherwise is wrong, not a variant.
 */
final class FamilyCheck {

    private final Path dir;
    private final Manifest m;

    FamilyCheck(Path dir, Manifest manifest) {
        this.dir = dir;
        this.m = manifest;
    }

    void check() throws PackageException {
        ModelFamily f = m.family();
        agree("frame rule", m.frameRule().toString(), f.frameRule().toString());
        agree("latent channels", m.latent().channels(), f.latentChannels());
        agree("temporal compression", m.latent().temporalCompression(), f.temporalCompression());
        agree("spatial compression", m.latent().spatialCompression(), f.spatialCompression());
        if (!f.fps().contains(m.fps())) {
            throw new PackageException(dir, "manifest says " + m.fps() + " fps but " + f.title() + " runs at " + f.fps());
        }
        for (NativeSize s : m.nativeSizes()) {
            if (s.width() % f.sizeAlignment() != 0 || s.height() % f.sizeAlignment() != 0) {
                throw new PackageException(dir, "native size " + s + " is not a multiple of " + f.sizeAlignment()
                        + " as " + f.title() + " needs");
            }
        }
    }

    private void agree(String what, Object manifest, Object family) throws PackageException {
        if (!manifest.equals(family)) {
            throw new PackageException(dir, "manifest says " + what + " " + manifest + " but " + m.family().title()
                    + " has " + family);
        }
    }
}
