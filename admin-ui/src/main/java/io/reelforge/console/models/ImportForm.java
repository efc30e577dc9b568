package io.reelforge.console.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;

import io.reelforge.application.console.ModelAdmin.VersionRow;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Imports a package: names one on the server (a folder, .zip or .tar under the import dir), or uploads a .zip
 * or .tar. A path goes to the view as an {@link ImportEvent}. An upload streams, while it arrives, into the
 * import the view hands over with {@link #acceptUploads} (the same service call as the admin API's multipart
 * upload), and the version it recorded PENDING comes back as an {@link UploadedEvent}; a refusal goes to the
 * console's error notification. Fields are package-private for tests without a browser.
 */
public class ImportForm extends HorizontalLayout {

    /** Takes an uploaded package while it arrives and answers with the version recorded PENDING. */
    @FunctionalInterface
    public interface PackageImport extends Serializable {
        VersionRow importUpload(InputStream content, String filename) throws IOException;
    }

    final TextField path = new TextField("Package path (under the import dir)");
    final Button importPackage = new Button("Import");
    final Upload upload = new Upload();

    private PackageImport target;
    private long maxBytes;

    public ImportForm() {
        path.setId("model-path");
        path.setPlaceholder("wan21-t2v-1.3b-v2.tar");
        path.setWidth("28em");
        importPackage.setId("model-import");
        importPackage.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importPackage.addClickListener(e -> submit());
        configureUpload();
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(path, importPackage, upload);
    }

    private void configureUpload() {
        upload.setId("model-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", ".tar");
        upload.setUploadButton(new Button("Upload package…"));
        upload.setDropLabel(new Span("or drop a .zip or .tar here"));
        upload.setVisible(false);
    }

    /**
     * Shows the upload, which hands each package to {@code into}; the browser refuses a file over
     * {@code maxBytes} (the admin API's limit) before sending it, and the import counts the bytes again.
     */
    public void acceptUploads(PackageImport into, long maxBytes) {
        this.target = into;
        this.maxBytes = maxBytes;
        // Upload.setMaxFileSize takes an int, 2 GiB at most; the element property is a JavaScript number.
        upload.getElement().setProperty("maxFileSize", (double) maxBytes);
        upload.setUploadHandler(new PackageUploadHandler());
        upload.setVisible(true);
    }

    private void submit() {
        String value = path.getValue() == null ? "" : path.getValue().trim();
        if (value.isEmpty()) {
            path.setInvalid(true);
            path.setErrorMessage("Name the package folder or archive");
            return;
        }
        path.setInvalid(false);
        fireEvent(new ImportEvent(this, value));
    }

    void clear() {
        path.clear();
    }

    /**
     * Imports an upload on the request's thread, outside the UI lock (verification then goes on in the
     * background); returns what to show, to run with the UI locked: the version, or the refusal for the
     * console's error handler.
     */
    Command receive(InputStream content, String filename) {
        try {
            VersionRow version = target.importUpload(content, filename);
            return () -> {
                upload.clearFileList();
                fireEvent(new UploadedEvent(this, version));
            };
        } catch (IOException | UncheckedIOException e) {
            return refused(new ReelforgeException(ErrorType.INVALID_REQUEST, "upload_interrupted",
                    "The upload of " + filename + " broke off before the whole package arrived; try again."));
        } catch (RuntimeException e) {
            return refused(e);
        }
    }

    private Command refused(RuntimeException e) {
        return () -> {
            upload.clearFileList();
            throw e;
        };
    }

    private final class PackageUploadHandler implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) {
            Command outcome = receive(event.getInputStream(), event.getFileName());
            event.getUI().access(outcome);
        }

        @Override
        public long getFileSizeMax() {
            return maxBytes;
        }
    }

    /** The user asked to import the package at {@link #path()}. */
    public static class ImportEvent extends ComponentEvent<ImportForm> {
        private final String path;

        ImportEvent(ImportForm source, String path) {
            super(source, false);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** An uploaded package was recorded PENDING; verification goes on in the background. */
    public static class UploadedEvent extends ComponentEvent<ImportForm> {
        private final VersionRow version;

        UploadedEvent(ImportForm source, VersionRow version) {
            super(source, false);
            this.version = version;
        }

        public VersionRow version() {
            return version;
        }
    }

    public Registration addImportListener(ComponentEventListener<ImportEvent> listener) {
        return addListener(ImportEvent.class, listener);
    }

    public Registration addUploadedListener(ComponentEventListener<UploadedEvent> listener) {
        return addListener(UploadedEvent.class, listener);
    }
}
