package io.reelforge.console.accounts;

import java.util.List;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;

import io.reelforge.application.console.AccountAdmin.PlanOption;
import io.reelforge.application.console.AccountDraft;

/**
 * Creates or edits an account. It calls no service: it validates the draft and tells its view what happened
 * through typed events. Fields are package-private so a unit test can fill them without a browser.
 */
public class AccountForm extends FormLayout {

    final TextField name = new TextField("Name");
    final Select<String> planId = new Select<>();
    final IntegerField maxConcurrentJobs = new IntegerField("Jobs at once (queued + rendering)");
    final Checkbox active = new Checkbox("Active (its API keys work)");

    final Button save = new Button("Save");
    final Button keys = new Button("API keys");
    final Button close = new Button("Close");

    private final BeanValidationBinder<AccountDraft> binder = new BeanValidationBinder<>(AccountDraft.class);

    public AccountForm(List<PlanOption> plans) {
        configureFields(plans);
        binder.bindInstanceFields(this);
        add(name, planId, maxConcurrentJobs, active, buttons());
    }

    private void configureFields(List<PlanOption> plans) {
        name.setId("account-name");
        planId.setLabel("Plan");
        planId.setId("account-plan");
        planId.setItems(plans.stream().map(PlanOption::id).toList());
        planId.setItemLabelGenerator(id -> plans.stream().filter(p -> p.id().equals(id)).map(PlanOption::name)
                .findFirst().orElse(id));
        maxConcurrentJobs.setId("account-jobs");
        maxConcurrentJobs.setStepButtonsVisible(true);
        active.setId("account-active");
    }

    private HorizontalLayout buttons() {
        save.setId("account-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> validateAndSave());
        keys.setId("account-keys");
        keys.addClickListener(e -> fireEvent(new KeysEvent(this, binder.getBean())));
        close.setId("account-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.addClickShortcut(Key.ESCAPE);
        close.addClickListener(e -> fireEvent(new CloseEvent(this)));
        return new HorizontalLayout(save, keys, close);
    }

    /** Shows a draft; a new account (no id) has no keys yet. */
    public void setDraft(AccountDraft draft) {
        binder.setBean(draft);
        keys.setVisible(draft != null && draft.getId() != null);
    }

    private void validateAndSave() {
        if (binder.validate().isOk()) {
            fireEvent(new SaveEvent(this, binder.getBean()));
        }
    }

    /** What the form tells its view. */
    public abstract static class AccountFormEvent extends ComponentEvent<AccountForm> {
        private final transient AccountDraft draft;

        protected AccountFormEvent(AccountForm source, AccountDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public AccountDraft getDraft() {
            return draft;
        }
    }

    public static class SaveEvent extends AccountFormEvent {
        SaveEvent(AccountForm source, AccountDraft draft) {
            super(source, draft);
        }
    }

    /** The user wants this account's API keys. */
    public static class KeysEvent extends AccountFormEvent {
        KeysEvent(AccountForm source, AccountDraft draft) {
            super(source, draft);
        }
    }

    public static class CloseEvent extends AccountFormEvent {
        CloseEvent(AccountForm source) {
            super(source, null);
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addKeysListener(ComponentEventListener<KeysEvent> listener) {
        return addListener(KeysEvent.class, listener);
    }

    public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
        return addListener(CloseEvent.class, listener);
    }
}
