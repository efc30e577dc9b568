package io.reelforge.console.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.reelforge.application.console.ConsoleUserAdmin;
import io.reelforge.application.console.ConsoleUserAdmin.SessionRow;
import io.reelforge.console.support.Confirm;
import io.reelforge.console.support.Times;

/** A console user's open sessions (every node's), and Sign out for one of them (admins who may update users). */
class SessionsPanel extends VerticalLayout {

    final H3 title = new H3();
    final Grid<SessionRow> grid = new Grid<>();

    private final transient ConsoleUserAdmin users;
    private final boolean mayEnd;
    private String username;

    SessionsPanel(ConsoleUserAdmin users, boolean mayEnd) {
        this.users = users;
        this.mayEnd = mayEnd;
        setId("sessions");
        setPadding(false);
        grid.setId("sessions-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> Times.format(s.startedAt())).setHeader("Signed in").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        grid.addColumn(s -> Times.format(s.lastSeenAt())).setHeader("Last seen").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        grid.addColumn(SessionRow::sourceAddress).setHeader("From").setAutoWidth(true);
        grid.addColumn(SessionRow::node).setHeader("Node").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        add(title, grid);
        setVisible(false);
    }

    void show(String username) {
        this.username = username;
        setVisible(username != null);
        if (username != null) {
            title.setText("Open sessions of " + username);
            grid.setItems(users.sessions(username));
        }
    }

    private com.vaadin.flow.component.Component actions(SessionRow s) {
        if (s.current()) {
            return new com.vaadin.flow.component.html.Span("this session");
        }
        Button end = new Button("Sign out", e -> Confirm.ask("end-session", "Sign out this session of " + username + "?",
                "Its browser lands on the sign-in page at its next step; nothing else changes for the user.",
                "Sign out", () -> {
                    users.endSession(username, s.id());
                    Notification.show("The session of " + username + " from " + s.sourceAddress() + " was signed out.");
                    show(username);
                }));
        end.addClassName("end-session");
        end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        end.setVisible(mayEnd);
        return end;
    }
}
