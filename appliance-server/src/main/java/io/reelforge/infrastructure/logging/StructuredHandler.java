package io.reelforge.infrastructure.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes each record as one structured line to the process's standard output, formatted on the thread that
 * logged so the {@link LogContext} ids are those of the request or render that wrote it. It writes to the
 * file descriptor itself, not to {@code System.out}, which the server may route back into logging.
 */
final class StructuredHandler extends Handler {

    private final PrintStream out;

    StructuredHandler(boolean json) {
        this(new FileOutputStream(FileDescriptor.out), json);
    }

    StructuredHandler(OutputStream target, boolean json) {
        this.out = new PrintStream(target, true, StandardCharsets.UTF_8);
        setFormatter(new StructuredFormatter(json));
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, java.util.logging.ErrorManager.FORMAT_FAILURE);
            return;
        }
        synchronized (out) {
            out.print(line);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
