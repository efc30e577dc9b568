package io.reelforge.console.models;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.ModelAdmin;
import io.reelforge.application.console.ModelAdmin.EngineRow;
import io.reelforge.application.console.ModelAdmin.VersionRow;
import io.reelforge.application.console.UpstreamAdmin;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.Times;

/**
 * The engines and the djl engine's model versions: import a package from the server's import dir or upload one
 * (admins: the upload is shown only to users who may import, since a refused upload would still have been
 * sent whole), watch it go PENDING to READY or FAILED (with the reason; the page polls while a version is
 * pending), activate, roll back, remove; and the remote engine's upstreams ({@link UpstreamsSection}). The services check {@code models:*} on every call; a viewer sees the
 * page and gets "not allowed" for the actions.
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models · Reelforge")
public class ModelsView extends VerticalLayout {

    final Grid<EngineRow> engines = new Grid<>();
    final Grid<VersionRow> versions = new Grid<>();
    final ImportForm importForm = new ImportForm();
    final Button refresh = new Button("Refresh");

    private static final int POLL_MILLIS = 1000;

    private final transient ModelAdmin models;
    private final UpstreamsSection upstreamSection;
    private Registration polling;
    private boolean pending;
    private final boolean mayActivate;
    private final boolean mayRemove;
    private List<VersionRow> rows = List.of();

    @Inject
    public ModelsView(ModelAdmin models, UpstreamAdmin upstreams, ConsoleSessions sessions) {
        this.models = models;
        this.mayActivate = sessions.isPermitted("models:activate");
        this.mayRemove = sessions.isPermitted("models:remove");
        setSizeFull();
        configureEngines();
        configureVersions();
        importForm.addImportListener(e -> importPackage(e.path()));
        if (sessions.isPermitted("models:import")) {
            importForm.acceptUploads(models::importUpload, models.uploadMaxBytes());
        }
        importForm.addUploadedListener(e -> verifying(e.version()));
        refresh.setId("refresh-models");
        refresh.addClickListener(e -> updateLists());
        HorizontalLayout toolbar = new HorizontalLayout(importForm, refresh);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        upstreamSection = new UpstreamsSection(upstreams, sessions.isPermitted("engines:manage"));
        add(new H3("Engines"), engines, upstreamSection, new H3("Model versions"), toolbar, versions);
        updateLists();
    }

    private void configureEngines() {
        engines.setId("engines-grid");
        engines.setAllRowsVisible(true);
        engines.addColumn(EngineRow::id).setHeader("Engine").setAutoWidth(true);
        engines.addColumn(e -> e.ready() ? "ready" : "not ready").setHeader("Status").setAutoWidth(true);
        engines.addColumn(e -> e.defaultEngine() ? "live keys" : "").setHeader("Default").setAutoWidth(true);
        engines.addColumn(EngineRow::device).setHeader("Device").setAutoWidth(true);
        engines.addColumn(e -> e.family() == null ? "" : e.family()).setHeader("Family").setAutoWidth(true);
        engines.addColumn(EngineRow::detail).setHeader("Detail").setFlexGrow(1);
        engines.addComponentColumn(this::rollbackButton).setHeader("").setAutoWidth(true);
    }

    private void configureVersions() {
        versions.setId("versions-grid");
        versions.setSizeFull();
        versions.addColumn(VersionRow::family).setHeader("Family").setAutoWidth(true);
        versions.addColumn(VersionRow::version).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> v.active() ? "active" : v.previous() ? "previous" : "").setHeader("").setAutoWidth(true);
        versions.addColumn(v -> v.status().toUpperCase(Locale.ROOT)).setHeader("Status").setAutoWidth(true);
        versions.addColumn(v -> String.join(", ", v.nativeSizes())).setHeader("Native sizes").setAutoWidth(true);
        versions.addColumn(v -> Times.format(v.importedAt())).setHeader("Imported")
                .setAutoWidth(true);
        versions.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        versions.addColumn(v -> v.reason() == null ? "" : v.reason()).setHeader("Reason").setFlexGrow(1);
    }

    private Button rollbackButton(EngineRow engine) {
        Button rollback = new Button("Roll back", e -> {
            VersionRow back = models.rollback(engine.family());
            Notification.show(back.family() + " is back on version " + back.version());
            updateLists();
        });
        rollback.setId("rollback-" + engine.id());
        rollback.addThemeVariants(ButtonVariant.LUMO_SMALL);
        // Only where there is a version to go back to (and a role that may).
        rollback.setVisible(mayActivate && engine.family() != null
                && rows.stream().anyMatch(v -> v.family().equals(engine.family()) && v.previous()));
        return rollback;
    }

    private HorizontalLayout actions(VersionRow v) {
        String id = v.family() + "-" + v.version();
        Button activate = new Button("Activate", e -> {
            models.activate(v.family(), v.version());
            updateLists();
        });
        activate.setId("activate-" + id);
        activate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        activate.setEnabled("ready".equals(v.status()) && !v.active());
        activate.setVisible(mayActivate);
        Button remove = new Button("Remove", e -> {
            models.remove(v.family(), v.version());
            updateLists();
        });
        remove.setId("remove-" + id);
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        remove.setEnabled(!v.active() && !"pending".equals(v.status()));
        remove.setVisible(mayRemove);
        return new HorizontalLayout(activate, remove);
    }

    private void importPackage(String path) {
        VersionRow v = models.importFrom(path);
        importForm.clear();
        verifying(v);
    }

    private void verifying(VersionRow v) {
        Notification.show(v.family() + "/" + v.version() + " is PENDING while it is verified; it turns READY or FAILED here");
        updateLists();
    }

    private void updateLists() {
        rows = models.versions();
        engines.setItems(models.engines());
        if (upstreamSection != null) {
            upstreamSection.updateList();
        }
        versions.setItems(rows);
        pending = rows.stream().anyMatch(v -> "pending".equals(v.status()));
        getUI().ifPresent(this::pollWhilePending);
    }

    /** Polls the server while a version is being verified, so its end shows without a click. */
    private void pollWhilePending(UI ui) {
        ui.setPollInterval(pending ? POLL_MILLIS : -1);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        polling = event.getUI().addPollListener(e -> updateLists());
        pollWhilePending(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }
}
