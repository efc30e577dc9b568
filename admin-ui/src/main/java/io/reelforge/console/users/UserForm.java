package io.reelforge.console.users;

import java.util.List;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.reelforge.application.console.UserDraft;
import io.reelforge.console.support.DraftForm;

/** Creates a console user or changes one's role and whether it is disabled; asks for a password reset. */
public class UserForm extends DraftForm<UserDraft> {

    final TextField username = new TextField("User name");
    final Select<String> role = new Select<>();
    final Checkbox disabled = new Checkbox("Disabled (cannot log in; an open session loses every permission)");

    final Button resetPassword = new Button("Reset password");
    final Button unlock = new Button("Unlock sign-in");

    public UserForm() {
        super(UserDraft.class, "user");
        username.setId("user-name");
        role.setLabel("Role");
        role.setId("user-role");
        role.setItems(List.of("viewer", "operator", "admin"));
        disabled.setId("user-disabled");
        resetPassword.setId("user-reset");
        resetPassword.addClickListener(e -> fireEvent(new ResetEvent(this, getDraft())));
        addButton(resetPassword);
        unlock.setId("user-unlock");
        unlock.addClickListener(e -> fireEvent(new UnlockEvent(this, getDraft())));
        addButton(unlock);
        layout(username, role, disabled);
    }

    /** A new user gets a name and no reset button; an existing one keeps its name. */
    @Override
    public void setDraft(UserDraft draft) {
        super.setDraft(draft);
        boolean existing = draft != null && draft.isExisting();
        username.setReadOnly(existing);
        resetPassword.setVisible(existing);
        unlock.setVisible(existing);
    }

    /** The admin wants a new one-time password for this user. */
    public static class ResetEvent extends DraftEvent<UserDraft> {
        ResetEvent(UserForm source, UserDraft draft) {
            super(source, draft);
        }
    }

    /** The admin lifts the sign-in delays on this user's name. */
    public static class UnlockEvent extends DraftEvent<UserDraft> {
        UnlockEvent(UserForm source, UserDraft draft) {
            super(source, draft);
        }
    }

    public Registration addUnlockListener(ComponentEventListener<UnlockEvent> listener) {
        return addListener(UnlockEvent.class, listener);
    }

    public Registration addResetListener(ComponentEventListener<ResetEvent> listener) {
        return addListener(ResetEvent.class, listener);
    }
}
