package io.reelforge.console.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.application.console.WebhookDraft;
import io.reelforge.domain.shared.ReelforgeException;

/** The webhook form without a browser or a server: fill its fields, press Save, read its event and errors. */
class WebhookFormTest {

    private WebhookForm form;
    private WebhookDraft draft;
    private final AtomicReference<WebhookDraft> saved = new AtomicReference<>();

    @BeforeEach
    void form() {
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("a-1", "Video team");
        accounts.put("a-2", "Marketing");
        form = new WebhookForm(accounts, List.of("video.completed", "video.failed", "video.canceled", "video.expired"));
        draft = new WebhookDraft();
        form.setDraft(draft);
        form.addSaveListener(e -> saved.set(e.getDraft()));
    }

    @Test
    void savesTheFilledDraft() {
        form.accountId.setValue("a-2");
        form.url.setValue("https://cms.internal/hooks/reelforge");
        form.events.setValue(Set.of("video.completed", "video.failed"));
        form.description.setValue("CMS");
        form.save.click();

        assertSame(draft, saved.get());
        assertEquals("a-2", saved.get().getAccountId());
        assertEquals("https://cms.internal/hooks/reelforge", saved.get().getUrl());
        assertEquals(Set.of("video.completed", "video.failed"), saved.get().getEvents());
        assertEquals("CMS", saved.get().getDescription());
    }

    @Test
    void noEventTickedMeansEveryEvent() {
        form.accountId.setValue("a-1");
        form.url.setValue("http://10.0.0.7/hook");
        form.save.click();
        assertTrue(saved.get().getEvents().isEmpty());
    }

    @Test
    void anAccountAndAUrlAreRequired() {
        form.url.setValue("http://10.0.0.7/hook");
        form.save.click();
        assertNull(saved.get(), "no account chosen");
        assertTrue(form.accountId.isInvalid());

        form.accountId.setValue("a-1");
        form.url.setValue("  ");
        form.save.click();
        assertNull(saved.get(), "a blank URL");
        assertTrue(form.url.isInvalid());
    }

    @Test
    void accountsAreOfferedByName() {
        assertEquals("Marketing", form.accountId.getItemLabelGenerator().apply("a-2"));
        form.setAccounts(Map.of("a-3", "New team"));
        assertEquals("New team", form.accountId.getItemLabelGenerator().apply("a-3"));
    }

    @Test
    void theServicesRefusalIsShownBesideTheFieldItNames() {
        assertTrue(form.showError(ReelforgeException.validation("url", "webhook_url_refused",
                "url points to a loopback address 127.0.0.1, which webhooks may not reach unless an administrator allows it.")));
        assertTrue(form.url.isInvalid());
        assertTrue(form.url.getErrorMessage().contains("loopback"), form.url.getErrorMessage());

        assertTrue(form.showError(ReelforgeException.validation("events", "invalid_event", "'video.done' is not an event.")));
        assertTrue(form.events.isInvalid());
        assertTrue(form.showError(ReelforgeException.validation("description", "description_too_long", "At most 200.")));
        assertTrue(form.description.isInvalid());
    }

    @Test
    void aRefusalOfNoFieldIsLeftToTheView() {
        assertFalse(form.showError(ReelforgeException.notFound("account", "a-9")));
        assertFalse(form.url.isInvalid());
    }
}
