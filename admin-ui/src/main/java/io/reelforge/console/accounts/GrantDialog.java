package io.reelforge.console.accounts;

import java.util.function.BiConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/** Asks for a signed number of credits and the reason that goes into the ledger with the user's name. */
class GrantDialog extends Dialog {

    final IntegerField credits = new IntegerField("Credits (negative to deduct)");
    final TextField reason = new TextField("Why");

    GrantDialog(String accountName, BiConsumer<Long, String> onGrant) {
        setHeaderTitle("Credits for " + accountName);
        credits.setId("grant-credits");
        reason.setId("grant-reason");
        reason.setWidthFull();
        Button grant = new Button("Record", e -> {
            onGrant.accept(credits.getValue() == null ? 0L : credits.getValue().longValue(), reason.getValue());
            close();
        });
        grant.setId("grant-record");
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(credits, reason);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("grant-cancel");
        getFooter().add(cancel, grant);
    }
}
