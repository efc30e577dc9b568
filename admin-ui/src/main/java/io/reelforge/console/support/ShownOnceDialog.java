package io.reelforge.console.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A secret shown exactly once (a new API key, a one-time password, a webhook signing secret): closing this loses
 * it for good. {@code id} names the field; its button is {@code id + "-done"}.
 */
public class ShownOnceDialog extends Dialog {

    /** For a secret of which only a hash is stored. */
    public ShownOnceDialog(String title, String id, String secret) {
        this(title, id, secret, "Copy it now: it is not stored and cannot be shown again.");
    }

    /** {@code note} says why it cannot be shown again, and anything else to know before closing. */
    public ShownOnceDialog(String title, String id, String secret, String note) {
        setHeaderTitle(title);
        TextField value = new TextField();
        value.setId(id);
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidth("40em");
        Paragraph text = new Paragraph(note);
        text.setId(id + "-note");
        add(text, value);
        Button done = new Button("I have copied it", e -> close());
        done.setId(id + "-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        setCloseOnOutsideClick(false);
    }
}
