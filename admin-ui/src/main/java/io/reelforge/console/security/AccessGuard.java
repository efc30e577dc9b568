package io.reelforge.console.security;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.console.dashboard.DashboardView;
import io.reelforge.console.support.ErrorNotifier;
import io.reelforge.console.support.RequiresPermission;

/**
 * Before any view opens: anonymous users go to the login view, a user with a printed password to the
 * change-password view. This only steers navigation; the services check permissions on every call anyway.
 * Also installs the error notifier and the console's idle timeout on each session.
 */
@jakarta.enterprise.context.ApplicationScoped
public class AccessGuard {

    @Inject
    ConsoleSessions sessions;

    void onServiceInit(@Observes ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new ErrorNotifier(this::signOutIfEnded)));
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    /** A click refused because the user was disabled meanwhile: a clean sign-in page, not a permission message. */
    private boolean signOutIfEnded() {
        if (!sessions.endedByAdmin()) {
            return false;
        }
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of(LoginView.SIGNED_OUT, "")));
        return true;
    }

    private void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == LoginView.class) {
            return;
        }
        var me = sessions.current();
        if (me.isEmpty()) {
            // Back to the page asked for after signing in (a route of this console only: navigate() cannot leave it).
            Map<String, String> query = new HashMap<>();
            String asked = event.getLocation().getPathWithQueryParameters();
            if (!asked.isEmpty() && target != ChangePasswordView.class) {
                query.put(LoginView.RETURN_TO, asked);
            }
            if (sessions.endedByAdmin()) {
                query.put(LoginView.SIGNED_OUT, "");
            }
            event.forwardTo("login", QueryParameters.simple(query));
        } else if (me.get().mustChangePassword() && target != ChangePasswordView.class) {
            event.forwardTo(ChangePasswordView.class);
        } else if (target.isAnnotationPresent(RequiresPermission.class)
                && !sessions.isPermitted(target.getAnnotation(RequiresPermission.class).value())) {
            event.forwardTo(DashboardView.class);
            Notification.show("Your role does not allow that page.", 5000, Notification.Position.BOTTOM_START)
                    .setId("access-denied");
        }
    }
}
