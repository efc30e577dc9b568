package io.reelforge.console.models;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * Names a package on the server (a folder, .zip or .tar under the import dir) to import. It calls no service:
 * it tells its view through an {@link ImportEvent}. Fields are package-private for tests without a browser.
 */
public class ImportForm extends HorizontalLayout {

    final TextField path = new TextField("Package path (under the import dir)");
    final Button importPackage = new Button("Import");

    public ImportForm() {
        path.setId("model-path");
        path.setPlaceholder("wan21-t2v-1.3b-v2.tar");
        path.setWidth("28em");
        importPackage.setId("model-import");
        importPackage.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importPackage.addClickListener(e -> submit());
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(path, importPackage);
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

    public Registration addImportListener(ComponentEventListener<ImportEvent> listener) {
        return addListener(ImportEvent.class, listener);
    }
}
