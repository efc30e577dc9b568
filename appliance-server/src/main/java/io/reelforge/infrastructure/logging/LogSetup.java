package io.reelforge.infrastructure.logging;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the structured handler in place of the root logger's handlers for as long as the application runs,
 * so the server's own records after deploy come out in the same format, and puts the server's handlers back
 * when the application stops (its classes go away with it). {@code payara} leaves logging as it is.
 */
public final class LogSetup {

    private final Handler[] replaced;
    private final Handler installed;

    private LogSetup(Handler[] replaced, Handler installed) {
        this.replaced = replaced;
        this.installed = installed;
    }

    /** Installs the format named by {@code reelforge.log.format}: json, kv or payara. */
    public static LogSetup install(String format) {
        if (!List.of("json", "kv").contains(format)) {
            if (!"payara".equals(format)) {
                Logger.getLogger(LogSetup.class.getName()).warning("reelforge.log.format=" + format
                        + " is not json, kv or payara; logging left as Payara writes it");
            }
            return new LogSetup(new Handler[0], null);
        }
        Logger root = Logger.getLogger("");
        Handler[] old = root.getHandlers();
        StructuredHandler handler = new StructuredHandler("json".equals(format));
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        for (Handler h : old) {
            root.removeHandler(h);
        }
        return new LogSetup(old, handler);
    }

    public void uninstall() {
        if (installed == null) {
            return;
        }
        Logger root = Logger.getLogger("");
        for (Handler h : replaced) {
            root.addHandler(h);
        }
        root.removeHandler(installed);
        installed.close();
    }
}
