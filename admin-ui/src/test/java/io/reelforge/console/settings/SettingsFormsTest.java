package io.reelforge.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.reelforge.application.console.SafetyTermDraft;
import io.reelforge.application.console.SettingsDraft;

/** The settings page's two forms without a browser. */
class SettingsFormsTest {

    @Test
    void retentionAndRootAreSaved() {
        SettingsForm form = new SettingsForm();
        AtomicReference<SettingsDraft> saved = new AtomicReference<>();
        form.setDraft(new SettingsDraft());
        form.addSaveListener(e -> saved.set(e.getDraft()));
        form.retentionDays.setValue(30);
        form.storageRoot.setValue("/srv/reelforge/outputs");
        form.save.click();
        assertEquals(30, saved.get().getRetentionDays());
        assertEquals("/srv/reelforge/outputs", saved.get().getStorageRoot());
    }

    @Test
    void retentionOfZeroDaysOrABlankRootIsRefused() {
        SettingsForm form = new SettingsForm();
        AtomicReference<SettingsDraft> saved = new AtomicReference<>();
        form.setDraft(new SettingsDraft());
        form.addSaveListener(e -> saved.set(e.getDraft()));
        form.retentionDays.setValue(0);
        form.storageRoot.setValue("/srv");
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.retentionDays.isInvalid());

        form.retentionDays.setValue(7);
        form.storageRoot.setValue(" ");
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.storageRoot.isInvalid());
    }

    @Test
    void anEmptyRetentionIsAFieldMessageNotAnError() {
        SettingsForm form = new SettingsForm();
        AtomicReference<SettingsDraft> saved = new AtomicReference<>();
        form.setDraft(new SettingsDraft());
        form.addSaveListener(e -> saved.set(e.getDraft()));
        form.retentionDays.clear();
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.retentionDays.isInvalid());
        assertEquals("Enter a number", form.retentionDays.getErrorMessage());
    }

    @Test
    void aTermNeedsACategoryOfSimpleLetters() {
        SafetyTermForm form = new SafetyTermForm();
        AtomicReference<SafetyTermDraft> saved = new AtomicReference<>();
        form.setDraft(new SafetyTermDraft());
        form.addSaveListener(e -> saved.set(e.getDraft()));
        form.category.setValue("Violence!");
        form.phrase.setValue("gore");
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.category.isInvalid());

        form.category.setValue("violence");
        form.save.click();
        assertEquals("violence", saved.get().getCategory());
        assertEquals("gore", saved.get().getPhrase());
    }
}
