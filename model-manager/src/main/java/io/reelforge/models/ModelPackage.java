package io.reelforge.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A verified model package folder: its manifest parsed and checked against the family, and every component
 * present with the SHA-256 the manifest names. Opening reads every byte once (a 14B model takes a while);
 * the appliance verifies on import, not on every start.
 */
public final class ModelPackage {

    public static final String MANIFEST = "manifest.json";
    private static final List<String> REQUIRED = List.of(Component.TOKENIZER, Component.TEXT_ENCODER,
            Component.DENOISER, Component.VAE_DECODER);

    private final Path dir;
    private final Manifest manifest;

    private ModelPackage(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Parses and verifies the package in {@code dir}; the exception's message says what is wrong. */
    public static ModelPackage open(Path dir) throws PackageException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new PackageException(dir, "no " + MANIFEST + " in " + dir);
        }
        Manifest manifest = new ManifestReader(dir).read(file);
        for (String role : roles(manifest)) {
            Component c = manifest.component(role).orElseThrow(() -> missing(dir, role));
            verify(dir, role, c);
        }
        return new ModelPackage(dir, manifest);
    }

    /**
     * Parses a package already verified on import (the registry's own copy) without hashing it again: only
     * that every component is there. Reading a 14B model's 28 GB on every load would double its start.
     */
    static ModelPackage openTrusted(Path dir) throws PackageException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new PackageException(dir, "no " + MANIFEST + " in " + dir);
        }
        Manifest manifest = new ManifestReader(dir).read(file);
        for (String role : roles(manifest)) {
            Component c = manifest.component(role).orElseThrow(() -> missing(dir, role));
            if (!Files.isRegularFile(dir.resolve(c.file()))) {
                throw new PackageException(dir, "component " + role + " is missing: " + c.file());
            }
        }
        return new ModelPackage(dir, manifest);
    }

    /** The sha256 of the package's manifest.json, which names every component's own sha256: one value for the package. */
    static String manifestDigest(Path dir) throws PackageException {
        return sha256(dir, dir.resolve(MANIFEST));
    }

    public Path dir() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The file of a component, e.g. {@code path(Component.DENOISER)}. */
    public Path path(String role) {
        return dir.resolve(manifest.component(role).orElseThrow().file());
    }

    /** The components a package must carry: its family's, and an image-optional family's image encoder if listed. */
    private static List<String> roles(Manifest manifest) {
        ModelFamily family = manifest.family();
        Stream<String> image = family.needsImage() ? family.causalVae()
                ? Stream.of(Component.IMAGE_ENCODER, Component.IMAGE_ENCODER_STEP) : Stream.of(Component.IMAGE_ENCODER)
                : manifest.takesImage() ? Stream.of(Component.IMAGE_ENCODER) : Stream.empty();
        Stream<String> extra = Stream.concat(Stream.concat(
                family.twoExperts() ? Stream.of(Component.DENOISER_LOW) : Stream.empty(),
                family.causalVae() ? Stream.of(Component.VAE_DECODER_STEP) : Stream.empty()), image);
        return Stream.concat(REQUIRED.stream(), extra).toList();
    }

    private static PackageException missing(Path dir, String role) {
        String hint = Component.VAE_DECODER_STEP.equals(role) || Component.IMAGE_ENCODER_STEP.equals(role)
                ? ": this family's causal VAE must be exported chunked (a module for the first chunk, a step for the"
                + " others); a whole-clip trace handles only the frame count it was traced at. Export it again with"
                + " this release's script" : "";
        return new PackageException(dir, "manifest.json lists no '" + role + "' component" + hint);
    }

    private static void verify(Path dir, String role, Component c) throws PackageException {
        Path file = dir.resolve(c.file()).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new PackageException(dir, role + " file '" + c.file() + "' lies outside the package");
        }
        if (!Files.isRegularFile(file)) {
            throw new PackageException(dir, "component " + role + " is missing: " + c.file());
        }
        String actual = sha256(dir, file);
        if (!actual.equalsIgnoreCase(c.sha256())) {
            throw new PackageException(dir, "component " + role + " (" + c.file() + ") has sha256 " + actual
                    + " but the manifest says " + c.sha256() + ": the file is corrupt or was replaced");
        }
    }

    private static String sha256(Path dir, Path file) throws PackageException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new PackageException(dir, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
