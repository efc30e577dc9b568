package io.reelforge.console;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every console view. The favicon is inline (a data: URL, which the console's Content-Security-Policy
 * allows for images): no static file to serve beside the Vaadin servlet, and no request for /favicon.ico at the API.
 * Lumo, the theme the views' {@code --lumo-*} style properties come from: since Vaadin 25 an application loads it
 * itself (without it the components draw with their base styles only, and every such property is unset). Its
 * stylesheet is served by the appliance's {@code ThemeStylesheetServlet}.
 */
@StyleSheet(Lumo.STYLESHEET)
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
