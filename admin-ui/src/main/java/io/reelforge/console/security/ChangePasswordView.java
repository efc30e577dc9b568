package io.reelforge.console.security;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.console.dashboard.DashboardView;

/** Replacing one's password; the guard sends a user here until a printed password has been replaced. */
@Route("change-password")
@PageTitle("Change password · Reelforge")
public class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField chosen = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("New password again");
    final Button save = new Button("Change password");
    final Paragraph message = new Paragraph();

    private final transient ConsoleSessions sessions;

    @Inject
    public ChangePasswordView(ConsoleSessions sessions) {
        this.sessions = sessions;
        configureFields();
        setAlignItems(Alignment.CENTER);
        add(new H2("Choose your password"),
                new Paragraph("At least " + ConsoleSessions.MIN_PASSWORD + " characters."),
                current, chosen, repeated, save, message);
    }

    private void configureFields() {
        current.setId("current-password");
        chosen.setId("new-password");
        repeated.setId("repeat-password");
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> change());
        message.setId("change-message");
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
