package io.reelforge.console.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.application.console.AccountAdmin.PlanOption;
import io.reelforge.application.console.AccountDraft;

/** The account form without a browser or a server: fill its fields, press its buttons, read its events. */
class AccountFormTest {

    private AccountForm form;
    private AccountDraft draft;
    private final AtomicReference<AccountDraft> saved = new AtomicReference<>();

    @BeforeEach
    void form() {
        form = new AccountForm(List.of(new PlanOption("free", "Free"), new PlanOption("pro", "Pro")), List.of("720p", "1080p"));
        draft = new AccountDraft();
        form.setDraft(draft);
        form.addSaveListener(e -> saved.set(e.getDraft()));
    }

    @Test
    void savesTheFilledDraft() {
        form.name.setValue("Video team");
        form.planId.setValue("pro");
        form.maxConcurrentJobs.setValue(3);
        form.active.setValue(false);
        form.save.click();

        assertSame(draft, saved.get());
        assertEquals("Video team", saved.get().getName());
        assertEquals("pro", saved.get().getPlanId());
        assertEquals(3, saved.get().getMaxConcurrentJobs());
        assertFalse(saved.get().isActive());
    }

    @Test
    void savesTheQuotas() {
        form.name.setValue("Video team");
        form.dailyClipCap.setValue(20);
        form.allowedResolutions.setValue(java.util.Set.of("720p"));
        form.save.click();

        assertEquals(20, saved.get().getDailyClipCap());
        assertEquals(java.util.Set.of("720p"), saved.get().getAllowedResolutions());
    }

    @Test
    void anEmptyDailyCapMeansNoCapButZeroIsRefused() {
        form.name.setValue("Video team");
        form.dailyClipCap.setValue(0);
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.dailyClipCap.isInvalid());

        form.dailyClipCap.clear();
        form.save.click();
        assertNull(saved.get().getDailyClipCap());
    }

    @Test
    void emptyJobsAtOnceIsAFieldMessage() {
        form.name.setValue("Video team");
        form.maxConcurrentJobs.clear();
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.maxConcurrentJobs.isInvalid());
        assertEquals("Enter a number", form.maxConcurrentJobs.getErrorMessage());
    }

    @Test
    void blankNameIsNotSaved() {
        form.name.setValue("");
        form.save.click();

        assertNull(saved.get());
        assertTrue(form.name.isInvalid());
    }

    @Test
    void quotaOutOfRangeIsNotSaved() {
        form.name.setValue("Video team");
        form.maxConcurrentJobs.setValue(0);
        form.save.click();

        assertNull(saved.get());
        assertTrue(form.maxConcurrentJobs.isInvalid());
    }

    @Test
    void closeTellsTheView() {
        AtomicReference<Boolean> closed = new AtomicReference<>(false);
        form.addCloseListener(e -> closed.set(true));
        form.close.click();
        assertTrue(closed.get());
    }

    @Test
    void aNewAccountHasNoKeysButton() {
        assertFalse(form.keys.isVisible());
        AccountDraft existing = new AccountDraft();
        existing.setId("a-1");
        form.setDraft(existing);
        assertTrue(form.keys.isVisible());
    }
}
