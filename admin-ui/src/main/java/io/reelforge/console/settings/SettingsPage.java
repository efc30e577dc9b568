package io.reelforge.console.settings;

import java.time.Duration;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.SafetyTermDraft;
import io.reelforge.application.console.SettingsAdmin;
import io.reelforge.application.console.SettingsAdmin.SettingsView;
import io.reelforge.application.console.SettingsAdmin.TermRow;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.Confirm;
import io.reelforge.console.support.Times;
import io.reelforge.console.support.RequiresPermission;

/** Retention, storage root and its free space, the safety policy's terms, the URL-signing key (admins only). */
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Settings · Reelforge")
@RequiresPermission("settings:read")
public class SettingsPage extends VerticalLayout {

    final SettingsForm form = new SettingsForm();
    final Paragraph storage = new Paragraph();
    final Grid<TermRow> terms = new Grid<>();
    final SafetyTermForm termForm = new SafetyTermForm();
    final Paragraph key = new Paragraph();
    final Button rotate = new Button();
    final Button cutOff = new Button("Rotate and cut off old links now");

    private final transient SettingsAdmin admin;

    @Inject
    public SettingsPage(SettingsAdmin admin) {
        this.admin = admin;
        configureForms();
        configureTerms();
        configureKey();
        add(new H2("Retention and storage"), form, storage,
                new H2("Safety policy"), new Paragraph("Prompts (and negative prompts) containing a blocked word or phrase, "
                        + "on word boundaries, ignoring case and accents, fail as safety.prompt and are refunded. "
                        + "Changes apply to the next submission."), termForm, terms,
                new H2("Signed URL key"), key, new HorizontalLayout(rotate, cutOff));
        refresh();
    }

    private void configureForms() {
        form.setId("settings-form");
        form.addSaveListener(e -> {
            admin.save(e.getDraft());
            Notification.show("Settings saved.").setId("settings-saved");
            refresh();
        });
        termForm.setId("safety-form");
        termForm.addSaveListener(e -> {
            admin.addSafetyTerm(e.getDraft());
            termForm.setDraft(new SafetyTermDraft());
            refresh();
        });
        storage.setId("settings-storage");
    }

    private void configureTerms() {
        terms.setId("safety-grid");
        terms.setAllRowsVisible(true);
        terms.addColumn(TermRow::category).setHeader("Category").setAutoWidth(true);
        terms.addColumn(TermRow::phrase).setHeader("Blocked").setFlexGrow(1);
        terms.addComponentColumn(t -> {
            Button remove = new Button("Unblock", e -> Confirm.ask("unblock", "Unblock \"" + t.phrase() + "\"?",
                    "Prompts containing it are accepted from the next submission on.", "Unblock", () -> {
                        admin.removeSafetyTerm(t.id());
                        refresh();
                    }));
            remove.setId("unblock-" + t.phrase().replace(' ', '-'));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true);
    }

    private void configureKey() {
        key.setId("url-key");
        rotate.setId("rotate-key");
        rotate.addClickListener(e -> Confirm.ask("rotate-key", "Rotate the URL-signing key?",
                "New links are signed with a new key; links already handed out keep working for their lifetime.",
                "Rotate", () -> {
                    admin.rotateUrlKey(false);
                    refresh();
                }));
        cutOff.setId("rotate-key-cut-off");
        cutOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cutOff.addClickListener(e -> Confirm.ask("rotate-key-cut-off", "Rotate the key and cut off old links?",
                "Every link handed out so far fails at once (for a leaked key); callers get fresh ones from the API.",
                "Rotate and cut off", () -> {
                    admin.rotateUrlKey(true);
                    refresh();
                }));
    }

    private void refresh() {
        SettingsView v = admin.view();
        form.setDraft(admin.draft());
        termForm.setDraft(termForm.getDraft() == null ? new SafetyTermDraft() : termForm.getDraft());
        storage.setText("Free on the storage root: " + gib(v.diskFreeBytes()) + " of " + gib(v.diskTotalBytes())
                + ". A new root must be under " + v.storageAllowedBase() + " (reelforge.storage.allowed-base) and belong to"
                + " the appliance's user"
                + (v.previousRoots().isEmpty() ? "" : ". Earlier roots still served: " + String.join(", ", v.previousRoots())));
        terms.setItems(admin.safetyTerms());
        rotate.setText("Rotate (old links work " + hours(v.urlTtl()) + " more)");
        key.setText("Current key made " + Times.format(v.urlKeyCreatedAt()) + (v.previousUrlKeyValidUntil() == null ? "."
                : "; links signed with the previous key work until " + Times.format(v.previousUrlKeyValidUntil()) + "."));
    }

    private static String gib(long bytes) {
        return bytes < 0 ? "unknown" : String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String hours(Duration d) {
        return d.toHours() + " h";
    }
}
