package io.reelforge.models;

import java.nio.file.Path;

/** A model package that cannot be used, and why, in words an administrator can act on. */
public class PackageException extends Exception {

    private final transient Path packageDir;

    public PackageException(Path packageDir, String reason) {
        super(reason);
        this.packageDir = packageDir;
    }

    public PackageException(Path packageDir, String reason, Throwable cause) {
        super(reason, cause);
        this.packageDir = packageDir;
    }

    public Path packageDir() {
        return packageDir;
    }
}
