package io.reelforge.console.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.application.console.UserDraft;

/** The console-user form without a browser. */
class UserFormTest {

    private final UserForm form = new UserForm();
    private final AtomicReference<UserDraft> saved = new AtomicReference<>();
    private final AtomicReference<UserDraft> reset = new AtomicReference<>();

    @BeforeEach
    void form() {
        form.setDraft(new UserDraft());
        form.addSaveListener(e -> saved.set(e.getDraft()));
        form.addResetListener(e -> reset.set(e.getDraft()));
    }

    @Test
    void createsAUserWithARole() {
        form.username.setValue("night-ops");
        form.role.setValue("operator");
        form.save.click();

        assertEquals("night-ops", saved.get().getUsername());
        assertEquals("operator", saved.get().getRole());
        assertFalse(saved.get().isDisabled());
    }

    @Test
    void aNameWithSpacesOrCapitalsIsRefused() {
        form.username.setValue("Night Ops");
        form.save.click();
        assertNull(saved.get());
        assertTrue(form.username.isInvalid());
    }

    @Test
    void anExistingUserKeepsItsNameAndCanBeResetOrDisabled() {
        assertFalse(form.resetPassword.isVisible(), "a user not created yet has no password to reset");
        UserDraft existing = new UserDraft();
        existing.setExisting(true);
        existing.setUsername("night-ops");
        existing.setRole("operator");
        form.setDraft(existing);
        assertTrue(form.username.isReadOnly());
        assertTrue(form.resetPassword.isVisible());

        form.disabled.setValue(true);
        form.role.setValue("viewer");
        form.save.click();
        assertSame(existing, saved.get());
        assertTrue(saved.get().isDisabled());
        assertEquals("viewer", saved.get().getRole());

        form.resetPassword.click();
        assertEquals("night-ops", reset.get().getUsername());
    }
}
