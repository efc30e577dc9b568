package io.reelforge.console.webhooks;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import io.reelforge.application.console.WebhookDraft;
import io.reelforge.console.support.DraftForm;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Creates a webhook endpoint for an account: the account, the URL, the events (none ticked: all) and a
 * description. The form checks only that an account and a URL are there; the service checks the rest as the
 * API does, and {@link #showError} puts its answer beside the field it names.
 */
public class WebhookForm extends DraftForm<WebhookDraft> {

    final Select<String> accountId = new Select<>();
    final TextField url = new TextField("URL");
    final CheckboxGroup<String> events = new CheckboxGroup<>("Events (none ticked: every event)");
    final TextField description = new TextField("Description");

    private Map<String, String> accountNames = Map.of();

    /** {@code accounts}: id to name, in the order to offer them. */
    public WebhookForm(Map<String, String> accounts, List<String> eventNames) {
        super(WebhookDraft.class, "webhook");
        accountId.setLabel("Account");
        accountId.setId("webhook-account");
        accountId.setItemLabelGenerator(id -> accountNames.getOrDefault(id, id));
        setAccounts(accounts);
        url.setId("webhook-url");
        url.setPlaceholder("https://cms.internal/hooks/reelforge");
        url.setHelperText("Loopback, link-local and metadata addresses are refused unless allow-listed.");
        events.setId("webhook-events");
        events.setItems(eventNames);
        description.setId("webhook-description");
        layout(accountId, url, events, description);
    }

    /** The accounts to choose from (the list may have grown since the page opened). */
    public void setAccounts(Map<String, String> accounts) {
        accountNames = Map.copyOf(accounts);
        accountId.setItems(List.copyOf(accounts.keySet()));
    }

    /**
     * Shows a service's refusal beside the field its {@code param} names ({@code url}, {@code events},
     * {@code description}, {@code accountId}); false when it names none of them, for the view to report.
     */
    public boolean showError(ReelforgeException e) {
        HasValidation field = switch (e.param() == null ? "" : e.param()) {
            case "url" -> url;
            case "events" -> events;
            case "description" -> description;
            case "accountId" -> accountId;
            default -> null;
        };
        if (field == null) {
            return false;
        }
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
        return true;
    }
}
