package io.reelforge.application.console;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;

/**
 * A webhook endpoint the console creates for an account. The form and {@link WebhookAdmin} check only that
 * the account and URL are there; the URL's shape and length, its address (the SSRF policy), the events and
 * the description are checked by the same code as {@code POST /v1/webhooks}, whose errors name the field at
 * fault ({@code url}, {@code events}, {@code description}) so the form can show them beside it.
 */
public class WebhookDraft {

    @NotBlank(message = "Choose the account")
    private String accountId;

    @NotBlank(message = "Give the endpoint's URL")
    private String url = "";

    /** Wire names ("video.completed"); none ticked means every event. */
    private Set<String> events = new LinkedHashSet<>();

    private String description = "";

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Set<String> getEvents() {
        return events;
    }

    public void setEvents(Set<String> events) {
        this.events = events == null ? new LinkedHashSet<>() : new LinkedHashSet<>(events);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
