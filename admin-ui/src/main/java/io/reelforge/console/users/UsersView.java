package io.reelforge.console.users;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.ConsoleUserAdmin;
import io.reelforge.application.console.ConsoleUserAdmin.OneTimePassword;
import io.reelforge.application.console.ConsoleUserAdmin.UserRow;
import io.reelforge.application.console.UserDraft;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.Confirm;
import io.reelforge.console.support.Times;
import io.reelforge.console.support.RequiresPermission;
import io.reelforge.console.support.ShownOnceDialog;

/**
 * Console users (admins only; the service refuses anyone else): create, role, disable, reset password, lift the
 * sign-in delay; each one's last sign-in, and a chosen user's open sessions with Sign out.
 */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Console users · Reelforge")
@RequiresPermission("users:read")
public class UsersView extends VerticalLayout {

    final Grid<UserRow> grid = new Grid<>();
    final Button add = new Button("New user");
    final UserForm form = new UserForm();
    final SessionsPanel sessions;

    private final transient ConsoleUserAdmin users;

    @Inject
    public UsersView(ConsoleUserAdmin users, ConsoleSessions console) {
        this.users = users;
        this.sessions = new SessionsPanel(users, console.isPermitted("users:update"));
        setSizeFull();
        configureGrid();
        configureForm();
        add.setId("new-user");
        add.addClickListener(e -> {
            grid.asSingleSelect().clear();
            form.edit(new UserDraft());
        });
        HorizontalLayout content = form.besideGrid(grid);
        content.setHeight("55%");
        add(new HorizontalLayout(add), content, sessions);
        updateList();
    }

    private void configureGrid() {
        grid.setId("users-grid");
        grid.setSizeFull();
        grid.addColumn(UserRow::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(UserRow::role).setHeader("Role");
        grid.addColumn(r -> r.disabled() ? "disabled" : r.throttled() ? "sign-ins slowed after failures"
                : r.mustChangePassword() ? "must change password" : "active").setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> Times.format(r.lastSignInAt())).setHeader("Last sign-in").setAutoWidth(true);
        grid.addColumn(r -> Times.format(r.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                form.edit(null);
                sessions.show(null);
            } else {
                form.edit(users.draftOf(e.getValue().username()));
                sessions.show(e.getValue().username());
            }
        });
    }

    private void configureForm() {
        form.setId("user-form");
        form.addSaveListener(e -> {
            if (e.getDraft().isExisting()) {
                users.update(e.getDraft());
            } else {
                show(users.create(e.getDraft()));
            }
            updateList();
            form.edit(null);
        });
        form.addResetListener(e -> Confirm.ask("reset-password", "Reset the password of " + e.getDraft().getUsername() + "?",
                "Their password stops working now; they sign in with the one-time password shown next and choose a new one.",
                "Reset password", () -> show(users.resetPassword(e.getDraft().getUsername()))));
        form.addUnlockListener(e -> {
            users.unlock(e.getDraft().getUsername());
            Notification.show(e.getDraft().getUsername() + " may sign in again without waiting.");
            updateList();
        });
        form.addCloseListener(e -> form.edit(null));
    }

    private static void show(OneTimePassword p) {
        new ShownOnceDialog("One-time password for " + p.username() + " (to be changed at first login)",
                "one-time-password", p.password()).open();
    }

    private void updateList() {
        grid.setItems(users.all());
    }

}
