package io.reelforge.console.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.application.console.PlanDraft;

/** The plan form without a browser: fill its fields, press Save, read its event. */
class PlanFormTest {

    private final PlanForm form = new PlanForm();
    private final AtomicReference<PlanDraft> saved = new AtomicReference<>();

    @BeforeEach
    void form() {
        form.setDraft(new PlanDraft());
        form.addSaveListener(e -> saved.set(e.getDraft()));
    }

    private void fill() {
        form.id.setValue("team-plus");
        form.name.setValue("Team plus");
        form.creditsPerPeriod.setValue(25_000);
        form.signupBonusCredits.setValue(500);
        form.videoAllowed.setValue(true);
        form.creditsPerClip.setValue(120);
        form.priceCentsPerPeriod.setValue(2_500);
    }

    @Test
    void savesTheFilledDraft() {
        fill();
        form.save.click();

        PlanDraft d = saved.get();
        assertEquals("team-plus", d.getId());
        assertEquals("Team plus", d.getName());
        assertEquals(25_000L, d.getCreditsPerPeriod());
        assertEquals(500L, d.getSignupBonusCredits());
        assertTrue(d.isVideoAllowed());
        assertEquals(120, d.getCreditsPerClip());
        assertEquals(2_500, d.getPriceCentsPerPeriod());
        assertFalse(d.isExisting());
    }

    @Test
    void emptyNumbersAreFieldMessages() {
        fill();
        form.creditsPerClip.clear();
        form.priceCentsPerPeriod.clear();
        form.creditsPerPeriod.clear();
        form.save.click();
        org.junit.jupiter.api.Assertions.assertNull(saved.get());
        for (var f : java.util.List.of(form.creditsPerClip, form.priceCentsPerPeriod, form.creditsPerPeriod)) {
            org.junit.jupiter.api.Assertions.assertTrue(f.isInvalid(), f.getLabel());
            org.junit.jupiter.api.Assertions.assertEquals("Enter a number", f.getErrorMessage());
        }
    }

    @Test
    void aBadIdIsNotSaved() {
        fill();
        form.id.setValue("Team Plus!");
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.id.isInvalid());
    }

    @Test
    void aClipCostsAtLeastOneCreditAndGrantsAreNotNegative() {
        fill();
        form.creditsPerClip.setValue(0);
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.creditsPerClip.isInvalid());

        form.creditsPerClip.setValue(90);
        form.creditsPerPeriod.setValue(-1);
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.creditsPerPeriod.isInvalid());
    }

    @Test
    void anExistingPlanKeepsItsId() {
        PlanDraft existing = new PlanDraft();
        existing.setExisting(true);
        existing.setId("pro");
        form.setDraft(existing);
        assertTrue(form.id.isReadOnly());
        form.setDraft(new PlanDraft());
        assertFalse(form.id.isReadOnly());
    }
}
