package io.reelforge.console.keys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** The only time a key is shown whole: only its hash is stored, so closing this loses it for good. */
class NewKeyDialog extends Dialog {

    NewKeyDialog(String plaintext) {
        setHeaderTitle("New API key");
        TextField key = new TextField();
        key.setId("new-key");
        key.setValue(plaintext);
        key.setReadOnly(true);
        key.setWidth("40em");
        add(new Paragraph("Copy it now: it is not stored and cannot be shown again."), key);
        Button done = new Button("I have copied it", e -> close());
        done.setId("new-key-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        setCloseOnOutsideClick(false);
    }
}
