package io.reelforge.console.models;

import java.util.Locale;

import jakarta.inject.Inject;

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

import io.reelforge.application.console.ModelAdmin;
import io.reelforge.application.console.ModelAdmin.EngineRow;
import io.reelforge.application.console.ModelAdmin.VersionRow;
import io.reelforge.console.layout.MainLayout;

/**
 * The engines and the djl engine's model versions: import a package from the server's import dir, watch it go
 * READY or FAILED (with the reason), activate, roll back, remove. The services check {@code models:*} on every
 * call; a viewer sees the page and gets "not allowed" for the actions.
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models · Reelforge")
public class ModelsView extends VerticalLayout {

    final Grid<EngineRow> engines = new Grid<>();
    final Grid<VersionRow> versions = new Grid<>();
    final ImportForm importForm = new ImportForm();
    final Button refresh = new Button("Refresh");

    private final transient ModelAdmin models;

    @Inject
    public ModelsView(ModelAdmin models) {
        this.models = models;
        setSizeFull();
        configureEngines();
        configureVersions();
        importForm.addImportListener(e -> importPackage(e.path()));
        refresh.setId("refresh-models");
        refresh.addClickListener(e -> updateLists());
        HorizontalLayout toolbar = new HorizontalLayout(importForm, refresh);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        add(new H3("Engines"), engines, new H3("Model versions"), toolbar, versions);
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
        versions.addColumn(v -> v.importedAt() == null ? "" : v.importedAt().toString()).setHeader("Imported")
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
        rollback.setVisible(engine.family() != null);
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
        Button remove = new Button("Remove", e -> {
            models.remove(v.family(), v.version());
            updateLists();
        });
        remove.setId("remove-" + id);
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        remove.setEnabled(!v.active() && !"pending".equals(v.status()));
        return new HorizontalLayout(activate, remove);
    }

    private void importPackage(String path) {
        VersionRow v = models.importFrom(path);
        importForm.clear();
        Notification.show(v.family() + "/" + v.version() + " is being verified; refresh to see it READY or FAILED");
        updateLists();
    }

    private void updateLists() {
        engines.setItems(models.engines());
        versions.setItems(models.versions());
    }
}
