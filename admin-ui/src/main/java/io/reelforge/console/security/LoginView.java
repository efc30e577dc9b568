package io.reelforge.console.security;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.ConsoleSessions.LoginOutcome;
import io.reelforge.console.dashboard.DashboardView;

/** Sign-in. The first admin's password is printed once on the appliance's console at its first start. */
@Route("login")
@PageTitle("Sign in · Reelforge")
public class LoginView extends VerticalLayout {

    final TextField username = new TextField("User");
    final PasswordField password = new PasswordField("Password");
    final Button signIn = new Button("Sign in");
    final Paragraph message = new Paragraph();

    private final transient ConsoleSessions sessions;

    @Inject
    public LoginView(ConsoleSessions sessions) {
        this.sessions = sessions;
        configureFields();
        setAlignItems(Alignment.CENTER);
        add(new H1("Reelforge console"), username, password, signIn, message);
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

    private void signIn() {
        LoginOutcome outcome = sessions.login(username.getValue().trim(), password.getValue().toCharArray());
        password.clear();
        switch (outcome) {
            case OK -> getUI().ifPresent(ui -> ui.navigate(DashboardView.class));
            case MUST_CHANGE_PASSWORD -> getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class));
            // One message for every refusal: it must not tell whether the user exists or is disabled.
            case REFUSED -> message.setText("Wrong user or password.");
            case THROTTLED -> message.setText("Too many failed sign-ins: wait " + sessions.retryAfterSeconds(username.getValue().trim())
                    + " s and try again.");
        }
    }
}
