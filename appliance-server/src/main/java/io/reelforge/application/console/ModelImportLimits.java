package io.reelforge.application.console;

import java.nio.file.Path;

/** Where model packages are imported from and how large an uploaded one may be. Implemented by the settings. */
public interface ModelImportLimits {

    /** The folder packages are imported from by server path; nothing outside it. */
    Path modelImportDir();

    /** The largest model package upload (multipart body) accepted. */
    long modelUploadMaxBytes();
}
