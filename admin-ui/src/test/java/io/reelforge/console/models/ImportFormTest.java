package io.reelforge.console.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model import form without a browser: a path is passed on trimmed, a blank one is not passed on at all. */
class ImportFormTest {

    private ImportForm form;
    private final AtomicReference<String> requested = new AtomicReference<>();

    @BeforeEach
    void form() {
        form = new ImportForm();
        form.addImportListener(e -> requested.set(e.path()));
    }

    @Test
    void importsTheNamedPackage() {
        form.path.setValue("  wan21-t2v-1.3b-v2.tar ");
        form.importPackage.click();
        assertEquals("wan21-t2v-1.3b-v2.tar", requested.get());
        assertFalse(form.path.isInvalid());
    }

    @Test
    void blankPathIsRefusedInTheForm() {
        form.path.setValue("   ");
        form.importPackage.click();
        assertNull(requested.get());
        assertTrue(form.path.isInvalid());
    }
}
