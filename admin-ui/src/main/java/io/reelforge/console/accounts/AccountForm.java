package io.reelforge.console.accounts;

import java.util.List;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.reelforge.application.console.AccountAdmin.PlanOption;
import io.reelforge.application.console.AccountDraft;
import io.reelforge.console.support.DraftForm;

/** Creates or edits an account: name, plan, quotas, active. */
public class AccountForm extends DraftForm<AccountDraft> {

    final TextField name = new TextField("Name");
    final Select<String> planId = new Select<>();
    final IntegerField maxConcurrentJobs = new IntegerField("Jobs at once (queued + rendering)");
    final IntegerField dailyClipCap = new IntegerField("Clips per day (UTC; empty: no cap)");
    final CheckboxGroup<String> allowedResolutions = new CheckboxGroup<>("Resolutions (none ticked: all)");
    final Checkbox active = new Checkbox("Active (its API keys work)");

    final Button keys = new Button("API keys");
    final Button usage = new Button("Usage and ledger");

    public AccountForm(List<PlanOption> plans, List<String> resolutions) {
        super(AccountDraft.class, "account");
        configureFields(plans, resolutions);
        keys.setId("account-keys");
        keys.addClickListener(e -> fireEvent(new KeysEvent(this, getDraft())));
        addButton(keys);
        usage.setId("account-usage");
        usage.addClickListener(e -> fireEvent(new UsageEvent(this, getDraft())));
        addButton(usage);
        layout(name, planId, maxConcurrentJobs, dailyClipCap, allowedResolutions, active);
    }

    private void configureFields(List<PlanOption> plans, List<String> resolutions) {
        name.setId("account-name");
        planId.setLabel("Plan");
        planId.setId("account-plan");
        planId.setItems(plans.stream().map(PlanOption::id).toList());
        planId.setItemLabelGenerator(id -> plans.stream().filter(p -> p.id().equals(id)).map(PlanOption::name)
                .findFirst().orElse(id));
        maxConcurrentJobs.setId("account-jobs");
        maxConcurrentJobs.setStepButtonsVisible(true);
        dailyClipCap.setId("account-daily-cap");
        allowedResolutions.setId("account-resolutions");
        allowedResolutions.setItems(resolutions);
        active.setId("account-active");
    }

    /** Shows a draft; a new account (no id) has no keys yet. */
    @Override
    public void setDraft(AccountDraft draft) {
        super.setDraft(draft);
        keys.setVisible(draft != null && draft.getId() != null);
        usage.setVisible(draft != null && draft.getId() != null);
    }

    /** The user wants this account's API keys. */
    public static class KeysEvent extends DraftEvent<AccountDraft> {
        KeysEvent(AccountForm source, AccountDraft draft) {
            super(source, draft);
        }
    }

    /** The user wants this account's usage and ledger. */
    public static class UsageEvent extends DraftEvent<AccountDraft> {
        UsageEvent(AccountForm source, AccountDraft draft) {
            super(source, draft);
        }
    }

    public Registration addUsageListener(ComponentEventListener<UsageEvent> listener) {
        return addListener(UsageEvent.class, listener);
    }

    public Registration addKeysListener(ComponentEventListener<KeysEvent> listener) {
        return addListener(KeysEvent.class, listener);
    }
}
