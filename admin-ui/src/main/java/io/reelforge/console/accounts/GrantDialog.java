package io.reelforge.console.accounts;

import java.util.function.Consumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import io.reelforge.console.support.ErrorNotifier;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Asks for a signed number of credits and the reason that goes into the ledger with the user's name; for those
 * allowed to overdraw, whether this deduction may leave the balance below zero. A refusal is shown beside its
 * field and the dialog stays open.
 */
class GrantDialog extends Dialog {

    /** What the user asked for. */
    record Adjustment(long credits, String reason, boolean allowNegative) {
    }

    final IntegerField credits = new IntegerField("Credits (negative to deduct)");
    final TextField reason = new TextField("Why");
    final Checkbox allowNegative = new Checkbox("Allow a negative balance (recorded in the audit log)");

    GrantDialog(String accountName, long balance, boolean mayOverdraw, Consumer<Adjustment> onRecord) {
        setHeaderTitle("Credits for " + accountName + " (balance " + balance + ")");
        credits.setId("grant-credits");
        reason.setId("grant-reason");
        reason.setWidthFull();
        allowNegative.setId("grant-allow-negative");
        allowNegative.setVisible(mayOverdraw);
        Button grant = new Button("Record", e -> record(onRecord));
        grant.setId("grant-record");
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(credits, reason, allowNegative);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("grant-cancel");
        getFooter().add(cancel, grant);
    }

    private void record(Consumer<Adjustment> onRecord) {
        credits.setInvalid(false);
        reason.setInvalid(false);
        if (credits.getValue() == null) {
            show(credits, "A whole number of credits: positive to grant, negative to deduct.");
            return;
        }
        try {
            onRecord.accept(new Adjustment(credits.getValue().longValue(), reason.getValue(), allowNegative.getValue()));
            close();
        } catch (RuntimeException ex) {
            ReelforgeException expected = ErrorNotifier.expected(ex).orElseThrow(() -> ex);
            switch (expected.param() == null ? "" : expected.param()) {
                case "credits" -> show(credits, expected.getMessage());
                case "reason" -> show(reason, expected.getMessage());
                default -> throw ex;
            }
        }
    }

    private static void show(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
