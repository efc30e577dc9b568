package io.reelforge.infrastructure.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free and total bytes of the file system holding a folder; -1 each when it cannot be read (an unmounted share). */
public record DiskSpace(long freeBytes, long totalBytes) {

    public static DiskSpace of(Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return new DiskSpace(-1, -1);
        }
        try {
            FileStore fs = Files.getFileStore(p);
            return new DiskSpace(fs.getUsableSpace(), fs.getTotalSpace());
        } catch (IOException e) {
            return new DiskSpace(-1, -1);
        }
    }
}
