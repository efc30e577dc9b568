package io.reelforge.console.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asks before an action that cannot be taken back (revoke, cancel, delete, unblock, reset, rotate). The buttons are
 * {@code <id>-confirm} and {@code <id>-cancel} for the browser tests.
 */
public final class Confirm {

    private Confirm() {
    }

    public static Dialog ask(String id, String title, String explanation, String action, Runnable onConfirm) {
        Dialog dialog = new Dialog();
        dialog.setId(id + "-dialog");
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(explanation));
        Button confirm = new Button(action, click -> {
            dialog.close();
            onConfirm.run();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Back", click -> dialog.close());
        cancel.setId(id + "-cancel");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        return dialog;
    }
}
