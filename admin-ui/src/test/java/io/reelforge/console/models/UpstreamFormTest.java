package io.reelforge.console.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** The upstream form without a browser: Add passes the values on; a refusal lands beside the field it names. */
class UpstreamFormTest {

    @Test
    void addPassesTheValuesOnAndClearForgetsTheKey() {
        UpstreamForm form = new UpstreamForm();
        AtomicReference<UpstreamForm.AddEvent> added = new AtomicReference<>();
        form.addAddListener(added::set);
        form.baseUrl.setValue("http://gpu-1:8000/v1");
        form.maxInFlight.setValue(3);
        form.apiKey.setValue("sk-secret");
        form.add.click();
        assertEquals("http://gpu-1:8000/v1", added.get().baseUrl());
        assertEquals(3, added.get().maxInFlight());
        assertEquals("sk-secret", added.get().apiKey());
        form.clear();
        assertEquals("", form.apiKey.getValue());
        assertEquals(1, form.maxInFlight.getValue());
    }

    @Test
    void aRefusalIsShownBesideItsField() {
        UpstreamForm form = new UpstreamForm();
        assertTrue(form.showError(ReelforgeException.validation("base_url", "address_refused", "loopback")));
        assertTrue(form.baseUrl.isInvalid());
        assertEquals("loopback", form.baseUrl.getErrorMessage());
        assertTrue(form.showError(ReelforgeException.validation("max_in_flight", "invalid_max_in_flight", "1 to 1000")));
        assertTrue(form.maxInFlight.isInvalid());
        assertFalse(form.showError(new ReelforgeException(ErrorType.CONFLICT, "upstream_exists", "there")),
                "not a field's: the view reports it");
    }
}
