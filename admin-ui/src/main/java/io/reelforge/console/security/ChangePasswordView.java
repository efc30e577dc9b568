package io.reelforge.console.security;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.console.dashboard.DashboardView;
import io.reelforge.console.support.SignOut;

/** Replacing one's password; the guard sends a user here until a printed password has been replaced. */
@Route("change-password")
@PageTitle("Change password · Reelforge")
public class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField chosen = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("New password again");
    final Button save = new Button("Change password");
    final Paragraph message = new Paragraph();
    final Button signOut = new Button("Sign out");

    private final transient ConsoleSessions sessions;

    @Inject
    public ChangePasswordView(ConsoleSessions sessions) {
        this.sessions = sessions;
        configureFields();
        setAlignItems(Alignment.CENTER);
        // After a one-time password (the printed first one, an admin's reset) there is no current one to ask for:
        // the user has just signed in with it.
        current.setVisible(sessions.current().map(u -> !u.mustChangePassword()).orElse(true));
        add(new H2("Choose your password"),
                new Paragraph("At least " + ConsoleSessions.MIN_PASSWORD + " characters."),
                current, chosen, repeated, new HorizontalLayout(save, signOut), message);
    }

    private void configureFields() {
        current.setId("current-password");
        chosen.setId("new-password");
        repeated.setId("repeat-password");
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> change());
        message.setId("change-message");
        signOut.setId("change-password-sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(e -> getUI().ifPresent(ui -> SignOut.now(ui, sessions)));
    }

    private void change() {
        if (!chosen.getValue().equals(repeated.getValue())) {
            message.setText("The two new passwords differ.");
            return;
        }
        sessions.changePassword(current.getValue().toCharArray(), chosen.getValue().toCharArray());
        getUI().ifPresent(ui -> ui.navigate(DashboardView.class));
    }
}
