package io.reelforge.console;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The page around every console view. The favicon is inline (a data: URL, which the console's Content-Security-Policy
 * allows for images): no static file to serve beside the Vaadin servlet, and no request for /favicon.ico at the API.
 */
public class ConsoleShell implements AppShellConfigurator {

    /** A film frame in the Lumo primary blue. */
    static final String FAVICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
            + "%3Crect x='1' y='3' width='14' height='10' rx='2' fill='%231676f3'/%3E"
            + "%3Cpath d='M6 5.5v5l4.5-2.5z' fill='white'/%3E%3C/svg%3E";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("icon", FAVICON);
    }
}
