package io.reelforge.console.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.reelforge.application.console.UpstreamAdmin;
import io.reelforge.application.console.UpstreamAdmin.TestResult;
import io.reelforge.application.console.UpstreamAdmin.UpstreamRow;
import io.reelforge.console.support.ErrorNotifier;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * The remote engine's upstreams on the Models page: every one with its health and load (configured ones are
 * read-only: they come from the settings), and for admins ({@code engines:manage}) the add form, test
 * connection, enable/disable and remove (after a confirmation). Viewers see the grid only.
 */
public class UpstreamsSection extends VerticalLayout {

    final Grid<UpstreamRow> grid = new Grid<>();
    final UpstreamForm form = new UpstreamForm();

    private final transient UpstreamAdmin upstreams;
    private final boolean manage;

    public UpstreamsSection(UpstreamAdmin upstreams, boolean manage) {
        this.upstreams = upstreams;
        this.manage = manage;
        setPadding(false);
        configureGrid();
        form.addAddListener(this::addUpstream);
        form.setVisible(manage);
        add(new H3("Remote upstreams"), form, grid);
        updateList();
    }

    private void configureGrid() {
        grid.setId("upstreams-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(UpstreamRow::baseUrl).setHeader("Base URL").setAutoWidth(true);
        grid.addColumn(u -> u.managed() ? "console" : "settings").setHeader("From").setAutoWidth(true);
        grid.addColumn(UpstreamRow::health).setHeader("Health").setFlexGrow(1);
        grid.addColumn(u -> u.inFlight() + "/" + u.maxInFlight() + (u.busy() ? " busy" : "")).setHeader("Load").setAutoWidth(true);
        grid.addColumn(u -> u.managed() ? (u.keySet() ? "set" : "none") : "").setHeader("Key").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    }

    private HorizontalLayout actions(UpstreamRow u) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (!manage || !u.managed()) {
            return buttons;
        }
        int n = grid.getListDataView().getItems().toList().indexOf(u);
        Button test = new Button("Test connection", e -> test(u));
        test.setId("upstream-test-" + n);
        Button toggle = new Button(u.enabled() ? "Disable" : "Enable", e -> {
            upstreams.enable(u.id(), !u.enabled());
            updateList();
        });
        toggle.setId("upstream-toggle-" + n);
        Button remove = new Button("Remove", e -> confirmRemove(u));
        remove.setId("upstream-remove-" + n);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : new Button[] {test, toggle, remove}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            buttons.add(b);
        }
        return buttons;
    }

    private void addUpstream(UpstreamForm.AddEvent e) {
        try {
            UpstreamRow row = upstreams.add(e.baseUrl(), e.maxInFlight(), e.apiKey());
            form.clear();
            Notification.show(row.baseUrl() + " added; it takes renders once its health check passes");
            updateList();
        } catch (RuntimeException ex) {
            ReelforgeException expected = ErrorNotifier.expected(ex).orElseThrow(() -> ex);
            if (!form.showError(expected)) {
                throw ex;
            }
        }
    }

    private void test(UpstreamRow u) {
        TestResult r = upstreams.test(u.id());
        Notification n = Notification.show(r.baseUrl() + ": " + r.detail(), 6000, Notification.Position.BOTTOM_START);
        n.setId("upstream-test-result");
        n.addThemeVariants(r.up() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        updateList();
    }

    private void confirmRemove(UpstreamRow u) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Remove " + u.baseUrl() + "?");
        confirm.add(new Paragraph("It takes no new renders; renders running there finish there. Its key is deleted."));
        Button yes = new Button("Remove", e -> {
            upstreams.remove(u.id());
            confirm.close();
            updateList();
        });
        yes.setId("upstream-remove-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button("Cancel", e -> confirm.close()), yes);
        confirm.open();
    }

    void updateList() {
        grid.setItems(upstreams.list());
    }
}
