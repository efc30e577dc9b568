package io.reelforge.console.support;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

import org.apache.shiro.authz.AuthorizationException;

import io.reelforge.domain.shared.ReelforgeException;

/**
 * The one place errors reach the user: a service's expected failure (bad input, unknown id, a conflict) or a
 * missing permission becomes a notification; anything else is logged and reported without details.
 */
public class ErrorNotifier implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(ErrorNotifier.class.getName());

    private final transient BooleanSupplier signOutIfEnded;

    /** {@code signOutIfEnded}: for a refused permission, sends a user disabled meanwhile to sign in; true if it did. */
    public ErrorNotifier(BooleanSupplier signOutIfEnded) {
        this.signOutIfEnded = signOutIfEnded;
    }

    @Override
    public void error(ErrorEvent event) {
        if (refused(event.getThrowable()) && signOutIfEnded.getAsBoolean()) {
            return;
        }
        String message = messageFor(event.getThrowable());
        Notification n = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("error-notification");
    }

    /** Services' exceptions may arrive wrapped by interceptors or Vaadin's event dispatch: look down the chain. */
    static String messageFor(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReelforgeException e) {
                return e.getMessage();
            }
            if (c instanceof AuthorizationException) {
                return "Your role does not allow this.";
            }
        }
        LOG.log(Level.WARNING, "console error", t);
        return "Something went wrong; the server log has the details.";
    }

    private static boolean refused(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AuthorizationException) {
                return true;
            }
        }
        return false;
    }

    /** The service's expected failure in {@code t}'s chain, if it is one, for a form that shows it beside a field. */
    public static Optional<ReelforgeException> expected(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReelforgeException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
