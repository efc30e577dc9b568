package io.reelforge.application.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import io.reelforge.domain.shared.ReelforgeException;

/**
 * Where an admin may move the storage root from the console: a folder under the allowed base the installer chose
 * ({@code reelforge.storage.allowed-base}), owned and writable by the appliance's own user, never a system folder
 * nor one holding the appliance's keys, database or other state. The console is reachable by anyone with an admin
 * password; the host's file system is not theirs to write clips into (or to have served back).
 */
public final class StorageRootRule {

    /** Folders of the host that are never a storage root, nor anything under them. */
    static final List<Path> SYSTEM = List.of("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32",
            "/proc", "/root", "/run", "/sbin", "/sys", "/usr", "/var/lib/dpkg", "/var/log", "/var/spool", "/var/run")
            .stream().map(Path::of).toList();

    private final Path allowedBase;
    private final List<Path> appliancePaths;
    private final String serviceUser;

    /**
     * @param allowedBase    the one folder under which a root may be chosen (itself included)
     * @param appliancePaths the appliance's own state (keys, database, run and backup folders): a root may neither
     *                       be one of them, lie inside one, nor contain one
     * @param serviceUser    the user the appliance runs as, who must own the root
     */
    public StorageRootRule(Path allowedBase, List<Path> appliancePaths, String serviceUser) {
        this.allowedBase = real(allowedBase.toAbsolutePath().normalize());
        this.appliancePaths = appliancePaths.stream().map(p -> real(p.toAbsolutePath().normalize())).toList();
        this.serviceUser = serviceUser;
    }

    /** Whether a folder is one the host needs for itself (an earlier root there is not kept either). */
    public static boolean isSystemFolder(Path p) {
        Path n = p.toAbsolutePath().normalize();
        return n.getParent() == null || SYSTEM.stream().anyMatch(n::startsWith);
    }

    /** The root to use (absolute, normalised, links resolved, created if missing), or a 422 saying why not. */
    public Path check(String text) {
        Path p;
        try {
            p = Path.of(text.trim());
        } catch (InvalidPathException e) {
            throw refused("Not a path: " + e.getReason());
        }
        if (!p.isAbsolute()) {
            throw refused("Give an absolute folder under " + allowedBase + ".");
        }
        p = p.normalize();
        // Checked before anything is created, then again with links resolved (a link under the base may point out).
        inBounds(p);
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null || !real(existing).startsWith(allowedBase)) {
            throw refused(p + " is not under the allowed base " + allowedBase + " (reelforge.storage.allowed-base).");
        }
        try {
            Files.createDirectories(p);
        } catch (IOException | SecurityException e) {
            throw refused("The appliance cannot create " + p + ".");
        }
        Path real = real(p);
        inBounds(real);
        try {
            String owner = Files.getOwner(real).getName();
            if (!owner.equals(serviceUser)) {
                throw refused(real + " belongs to " + owner + ", not to the appliance's user " + serviceUser + ".");
            }
            Files.delete(Files.createTempFile(real, ".write-check", ".tmp"));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw refused("The appliance cannot write " + real + ".");
        }
        return real;
    }

    private void inBounds(Path p) {
        if (isSystemFolder(p)) {
            throw refused(p + " is a system folder.");
        }
        if (!p.startsWith(allowedBase)) {
            throw refused(p + " is not under the allowed base " + allowedBase + " (reelforge.storage.allowed-base).");
        }
        for (Path own : appliancePaths) {
            if (p.startsWith(own) || own.startsWith(p)) {
                throw refused(p + " holds the appliance's own files (" + own + ").");
            }
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static ReelforgeException refused(String message) {
        return ReelforgeException.validation("storageRoot", "settings.storage_root", message);
    }
}
