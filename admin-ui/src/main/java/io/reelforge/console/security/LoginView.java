package io.reelforge.console.security;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.ConsoleSessions.LoginOutcome;
import io.reelforge.console.dashboard.DashboardView;

/**
 * Sign-in: local and LDAP users by name and password, OpenID Connect users through "Sign in with ..." when a
 * provider is configured. The first admin's password is printed once on the appliance's console at its first start.
 */
@Route("login")
@PageTitle("Sign in · Reelforge")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** Query parameters: the console page to open after signing in; the session was ended by an admin. */
    static final String RETURN_TO = "to";
    static final String SIGNED_OUT = "signed-out";
    /** Set by the OpenID Connect callback when it could not sign the user in: why. */
    static final String OIDC = "oidc";
    private static final String NO_ROLE = "Your directory account is not in any group allowed to use this console."
            + " Ask an administrator to add you to the viewer, operator or admin group.";

    final TextField username = new TextField("User");
    final PasswordField password = new PasswordField("Password");
    final Button signIn = new Button("Sign in");
    final Paragraph message = new Paragraph();

    private final transient ConsoleSessions sessions;
    private String returnTo;

    @Inject
    public LoginView(ConsoleSessions sessions) {
        this.sessions = sessions;
        configureFields();
        setAlignItems(Alignment.CENTER);
        add(new H1("Reelforge console"), username, password, signIn);
        sessions.oidcProviderName().ifPresent(this::addProviderButton);
        add(message);
    }

    /** OpenID Connect: the browser leaves for the provider through the appliance's start address (a full page load). */
    private void addProviderButton(String provider) {
        Button withProvider = new Button("Sign in with " + provider);
        withProvider.setId("sign-in-oidc");
        withProvider.addClickListener(e -> getUI().ifPresent(ui -> ui.getPage().setLocation(consolePath() + "/oidc/start")));
        add(withProvider);
    }

    private static String consolePath() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? "/admin" : request.getContextPath() + request.getServletPath();
    }

    private void configureFields() {
        username.setId("username");
        username.setAutofocus(true);
        password.setId("password");
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.addClickListener(e -> signIn());
        message.setId("login-message");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        returnTo = query.getOrDefault(RETURN_TO, List.of()).stream().findFirst()
                .filter(p -> !p.startsWith("/") && !p.contains("://") && !p.startsWith("login")).orElse(null);
        query.getOrDefault(OIDC, List.of()).stream().findFirst().map(LoginView::oidcMessage).ifPresent(message::setText);
        if (query.containsKey(SIGNED_OUT)) {
            message.setText("You were signed out: your console user was disabled or removed. Sign in again.");
        }
    }

    /** The OIDC callback's refusals, by the reason it names (details are in the audit log and the server log). */
    private static String oidcMessage(String reason) {
        return switch (reason) {
            case "no-role" -> NO_ROLE;
            case "refused" -> "Your console user is disabled, or its name belongs to a user who signs in another way.";
            case "unavailable" -> "The sign-in provider could not be reached. Try again later; local console users can"
                    + " still sign in.";
            default -> "Sign-in with the provider did not complete. Try again.";
        };
    }

    private void signIn() {
        LoginOutcome outcome = sessions.login(username.getValue().trim(), password.getValue().toCharArray());
        password.clear();
        switch (outcome) {
            case OK -> getUI().ifPresent(ui -> {
                if (returnTo == null) {
                    ui.navigate(DashboardView.class);
                } else {
                    ui.navigate(returnTo);
                }
            });
            case MUST_CHANGE_PASSWORD -> getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class));
            // One message for every refusal: it must not tell whether the user exists or is disabled.
            case REFUSED -> message.setText("Wrong user or password.");
            case NO_ROLE -> message.setText(NO_ROLE);
            case UNAVAILABLE -> message.setText("The directory could not be reached. Try again later; local console users"
                    + " can still sign in.");
            case THROTTLED -> message.setText("Too many failed sign-ins: wait " + sessions.retryAfterSeconds(username.getValue().trim())
                    + " s and try again.");
        }
    }
}
