package io.reelforge.application.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.models.ModelRegistry;
import io.reelforge.models.ModelVersion;
import io.reelforge.models.RegistryException;

/**
 * Where imported packages come from, and the import itself in the background: a server path must lie under
 * the import dir (links resolved first), an upload is a .zip or .tar streamed to a size-capped file there.
 * The caller gets the version as soon as the registry records it PENDING (or the refusal: unknown family,
 * duplicate, unsafe archive); copying, checksums, the load and the smoke sample go on on a managed thread,
 * whose end is audited.
 */
@ApplicationScoped
class ModelImports {

    private static final Logger LOG = Logger.getLogger(ModelImports.class.getName());
    private static final String UPLOADS = ".uploads";

    @Inject
    ModelImportLimits settings;

    @Inject
    AuditLog audit;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    ModelVersion fromPath(ModelRegistry registry, String path, String actor) {
        Path source = underImportDir(path);
        return start(registry, source, actor, "from " + source, () -> { });
    }

    /** The largest package an upload may be (reelforge.models.upload.max-bytes), for the API and the console alike. */
    long maxUploadBytes() {
        return settings.modelUploadMaxBytes();
    }

    /** Throws IOException when the upload itself breaks off (the client's side); a full disk is storage.failed. */
    ModelVersion fromUpload(ModelRegistry registry, InputStream content, String filename, String actor)
            throws IOException {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        String ext = name.endsWith(".zip") ? ".zip" : name.endsWith(".tar") ? ".tar" : null;
        if (ext == null) {
            throw new ReelforgeException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "package_unsupported_format",
                    "Upload the package as a .zip or .tar file (its file name says which).", "package");
        }
        Path file;
        try {
            file = Files.createDirectories(settings.modelImportDir().resolve(UPLOADS)).resolve(UUID.randomUUID() + ext);
        } catch (IOException e) {
            throw storageFailed(e);
        }
        copyCapped(content, file, maxUploadBytes());
        return start(registry, file, actor, "upload " + filename.replaceAll("[^A-Za-z0-9._ -]", "_"), () -> delete(file));
    }

    private ModelVersion start(ModelRegistry registry, Path source, String actor, String what, Runnable cleanup) {
        CompletableFuture<ModelVersion> pending = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    ModelVersion done = registry.importPackage(source, p -> {
                        audit.record(actor, "models:import", p.family() + "/" + p.version(), what);
                        pending.complete(p);
                    });
                    audit.record(actor, "models:verified", done.family() + "/" + done.version(),
                            done.state() + (done.reason() == null ? "" : ": " + done.reason()));
                } catch (RegistryException | RuntimeException e) {
                    if (!pending.completeExceptionally(e)) {
                        LOG.log(Level.WARNING, "the import " + what + " failed after it was accepted", e);
                    }
                } finally {
                    cleanup.run();
                }
            });
        } catch (RejectedExecutionException e) {
            cleanup.run();
            throw new ReelforgeException(ErrorType.UNAVAILABLE, "import_unavailable",
                    "The appliance is shutting down or busy; try the import again.");
        }
        try {
            return pending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RegistryException r) {
                throw RegistryErrors.translate(r);
            }
            throw new IllegalStateException("the import " + what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReelforgeException(ErrorType.UNAVAILABLE, "import_unavailable", "Interrupted while importing.");
        }
    }

    /** The real path of {@code path} (absolute, or relative to the import dir), refused unless it is inside it. */
    private Path underImportDir(String path) {
        if (path == null || path.isBlank()) {
            throw ReelforgeException.validation("path", "path_required",
                    "path is required: a package folder, .zip or .tar under " + settings.modelImportDir());
        }
        try {
            Path dir = Files.createDirectories(settings.modelImportDir()).toRealPath();
            Path real = dir.resolve(path.trim()).normalize().toRealPath();
            if (!real.startsWith(dir) || real.equals(dir) || real.startsWith(dir.resolve(UPLOADS))) {
                throw ReelforgeException.validation("path", "path_outside_import_dir",
                        "Only packages under the import dir " + dir + " can be imported by path.");
            }
            return real;
        } catch (NoSuchFileException | InvalidPathException e) {
            throw ReelforgeException.validation("path", "path_not_found", "No file or folder '" + path
                    + "' under the import dir " + settings.modelImportDir() + ".");
        } catch (IOException e) {
            throw ReelforgeException.validation("path", "path_unreadable", "Cannot read '" + path + "': " + e.getMessage());
        }
    }

    private static void copyCapped(InputStream in, Path file, long max) throws IOException {
        long total = 0;
        try (InputStream src = in; OutputStream out = open(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = src.read(buffer)) > 0; ) {
                total += n;
                if (total > max) {
                    throw new ReelforgeException(ErrorType.PAYLOAD_TOO_LARGE, "package_too_large",
                            "The package is larger than " + max + " bytes (reelforge.models.upload.max-bytes).", "package");
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw storageFailed(e);
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
        if (total == 0) {
            delete(file);
            throw ReelforgeException.validation("package", "package_empty", "package is an empty file.");
        }
    }

    private static OutputStream open(Path file) {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw storageFailed(e);
        }
    }

    private static ReelforgeException storageFailed(IOException e) {
        return new ReelforgeException(ErrorType.UNAVAILABLE, "storage.failed",
                "The upload could not be stored on the appliance: " + e.getMessage());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete the uploaded package " + file, e);
        }
    }
}
