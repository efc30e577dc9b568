package io.reelforge.infrastructure.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One appliance per embedded database: an OS lock on a file beside the Derby folder, held for the life of the
 * process (the OS releases it when the process dies, even by SIGKILL). A second appliance on the same data
 * folder is refused before it touches the database, with a message that says what to do.
 */
final class DataFolderLock {

    private static FileChannel channel;
    private static FileLock lock;

    private DataFolderLock() {
    }

    static synchronized void take(Path derbyFolder) {
        if (lock != null && lock.isValid()) {
            return;
        }
        Path file = derbyFolder.resolveSibling(derbyFolder.getFileName() + ".appliance.lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = c.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                c.close();
                throw new IllegalStateException("another Reelforge appliance is already running on the data folder "
                        + file.getParent() + " (the embedded Derby database admits one process). Stop it first, or give"
                        + " this one its own reelforge.data-dir; several appliances share work only on PostgreSQL"
                        + " (reelforge.db.url, docs/database.md)");
            }
            channel = c;
            lock = l;
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock the data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
    }
}
