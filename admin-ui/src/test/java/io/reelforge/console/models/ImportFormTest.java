package io.reelforge.console.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.application.console.ModelAdmin.VersionRow;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * The model import form without a browser: a path is passed on trimmed, a blank one is not passed on at all; an
 * upload is streamed into the import the view hands over, its PENDING version passed on, its refusal rethrown
 * for the console's error handler, and the browser is told the admin API's limit and file types.
 */
class ImportFormTest {

    private static final long LIMIT = 20L << 30;
    private static final VersionRow PENDING = new VersionRow("wan2.1-t2v-1.3b", "7", null, "pending", null, null,
            false, false, List.of(), null, null);

    private ImportForm form;
    private final AtomicReference<String> requested = new AtomicReference<>();
    private final AtomicReference<VersionRow> uploaded = new AtomicReference<>();

    @BeforeEach
    void form() {
        form = new ImportForm();
        form.addImportListener(e -> requested.set(e.path()));
        form.addUploadedListener(e -> uploaded.set(e.version()));
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

    @Test
    void theUploadShowsOnlyWhenAnImportIsHandedOverWithTheApisLimitAndFileTypes() {
        assertFalse(form.upload.isVisible(), "no upload for users who may not import");
        form.acceptUploads((in, name) -> PENDING, LIMIT);
        assertTrue(form.upload.isVisible());
        assertEquals((double) LIMIT, form.upload.getElement().getProperty("maxFileSize", 0.0),
                "20 GiB: past Upload.setMaxFileSize's int range, so the property itself");
        assertEquals(List.of(".zip", ".tar"), form.upload.getAcceptedFileTypes());
        assertEquals(1, form.upload.getMaxFiles());
    }

    @Test
    void anUploadIsStreamedIntoTheImportAndItsPendingVersionPassedOn() {
        byte[] sent = "PK\u0003\u0004 a package".getBytes(StandardCharsets.ISO_8859_1);
        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicReference<String> named = new AtomicReference<>();
        form.acceptUploads((in, name) -> {
            received.set(in.readAllBytes());
            named.set(name);
            return PENDING;
        }, LIMIT);
        var show = form.receive(new ByteArrayInputStream(sent), "wan-v7.zip");
        assertArrayEquals(sent, received.get(), "the import read the upload while it arrived");
        assertEquals("wan-v7.zip", named.get());
        assertNull(uploaded.get(), "nothing reaches the view before the UI is locked");
        show.execute();
        assertSame(PENDING, uploaded.get());
    }

    @Test
    void aRefusedUploadReachesTheErrorHandlerWithTheServicesMessage() {
        ReelforgeException duplicate = new ReelforgeException(ErrorType.CONFLICT, "version.duplicate",
                "wan2.1-t2v-1.3b/7 is already in the registry (READY); give the new package another version");
        form.acceptUploads((in, name) -> {
            throw duplicate;
        }, LIMIT);
        var show = form.receive(InputStream.nullInputStream(), "wan-v7.zip");
        assertSame(duplicate, assertThrows(ReelforgeException.class, show::execute));
        assertNull(uploaded.get());
    }

    @Test
    void anUploadThatBreaksOffIsReportedAsSuch() {
        form.acceptUploads((in, name) -> {
            throw new IOException("connection reset");
        }, LIMIT);
        ReelforgeException e = assertThrows(ReelforgeException.class,
                form.receive(InputStream.nullInputStream(), "wan-v7.tar")::execute);
        assertEquals("upload_interrupted", e.code());
        assertTrue(e.getMessage().contains("wan-v7.tar"), e.getMessage());
    }
}
