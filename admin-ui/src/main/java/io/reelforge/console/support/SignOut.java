package io.reelforge.console.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;

import io.reelforge.application.console.ConsoleSessions;

/** Signing out from any page: the browser leaves for the sign-in page first, then the session ends. */
public final class SignOut {

    private SignOut() {
    }

    /**
     * Leave the page first: ending the session invalidates the HttpSession this very request runs in. The address is
     * absolute: relative to {@code /admin/keys/<id>}, "login" would be a key page's parameter.
     */
    public static void now(UI ui, ConsoleSessions sessions) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String console = request == null ? "/admin" : request.getContextPath() + request.getServletPath();
        if (sessions.signedInThroughOidc()) {
            // That address ends this session, then the provider's (RP-initiated logout), which sends the browser back.
            ui.getPage().setLocation(console + "/oidc/logout");
            return;
        }
        ui.getPage().setLocation(console + "/login");
        sessions.logout();
    }
}
