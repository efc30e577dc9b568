package io.reelforge.console.keys;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.AccountAdmin;
import io.reelforge.application.console.AccountAdmin.AccountRow;
import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.KeyAdmin;
import io.reelforge.application.console.KeyAdmin.KeyRow;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.Confirm;
import io.reelforge.console.support.Times;
import io.reelforge.console.support.ShownOnceDialog;
import io.reelforge.domain.model.account.KeyMode;

/**
 * API keys: every account's, newest first and found by prefix ("which account owns rf_live_abc…"), or one
 * account's ({@code /admin/keys/<accountId>}), where keys are created (the whole key is shown once) and revoked.
 */
@Route(value = "keys", layout = MainLayout.class)
@PageTitle("API keys · Reelforge")
public class KeysView extends VerticalLayout implements HasUrlParameter<String> {

    final ComboBox<AccountRow> account = new ComboBox<>("Account");
    final TextField search = new TextField("Key prefix");
    final TextField name = new TextField("Key name");
    final Select<KeyMode> mode = new Select<>();
    final Button create = new Button("Create key");
    final Grid<KeyRow> grid = new Grid<>();

    private final transient AccountAdmin accounts;
    private final transient KeyAdmin keys;
    private final boolean mayRevoke;

    @Inject
    public KeysView(AccountAdmin accounts, KeyAdmin keys, ConsoleSessions sessions) {
        this.accounts = accounts;
        this.keys = keys;
        this.mayRevoke = sessions.isPermitted("keys:revoke");
        boolean mayCreate = sessions.isPermitted("keys:create");
        name.setVisible(mayCreate);
        mode.setVisible(mayCreate);
        create.setVisible(mayCreate);
        setSizeFull();
        configureToolbar();
        configureGrid();
        add(toolbar(), grid);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String accountId) {
        if (accountId == null) {
            updateList();
        } else {
            account.setValue(accounts.page(0, Integer.MAX_VALUE).stream()
                    .filter(a -> a.id().equals(accountId)).findFirst().orElse(null));
        }
    }

    private void configureToolbar() {
        account.setId("key-account");
        account.setItems(q -> accounts.page(q.getOffset(), q.getLimit()).stream());
        account.setItemLabelGenerator(AccountRow::name);
        account.setWidth("16em");
        account.setClearButtonVisible(true);
        account.setPlaceholder("all accounts");
        account.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                search.clear();
            }
            updateList();
        });
        search.setId("key-search");
        search.setPlaceholder("rf_live_…");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            if (!e.getValue().isBlank()) {
                account.clear();
            }
            updateList();
        });
        name.setId("key-name");
        mode.setLabel("Mode");
        mode.setId("key-mode");
        mode.setItems(KeyMode.values());
        mode.setItemLabelGenerator(m -> m == KeyMode.LIVE ? "live (charged)" : "test (sandbox, free)");
        mode.setValue(KeyMode.LIVE);
        create.setId("create-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createKey());
    }

    private HorizontalLayout toolbar() {
        HorizontalLayout bar = new HorizontalLayout(search, account, name, mode, create);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void configureGrid() {
        grid.setId("keys-grid");
        // Fixed widths that fit a 1400 px screen; "Revoked" holds the time, or the Revoke button while there is none.
        grid.addColumn(KeyRow::prefix).setHeader("Key").setWidth("12rem").setFlexGrow(0);
        grid.addColumn(KeyRow::accountName).setHeader("Account").setWidth("6rem").setFlexGrow(1)
                .setTooltipGenerator(KeyRow::accountId);
        grid.addColumn(KeyRow::name).setHeader("Name").setWidth("4rem").setFlexGrow(1).setTooltipGenerator(KeyRow::name);
        grid.addColumn(k -> k.createdBy() == null ? "" : k.createdBy()).setHeader("Created by").setWidth("6rem")
                .setFlexGrow(1).setTooltipGenerator(KeyRow::createdBy);
        grid.addColumn(k -> Times.format(k.createdAt())).setHeader("Created").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        grid.addColumn(k -> Times.format(k.lastUsedAt())).setHeader("Last used").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        grid.addComponentColumn(this::revoked).setHeader("Revoked").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
    }

    private com.vaadin.flow.component.Component revoked(KeyRow key) {
        if (key.revokedAt() != null) {
            com.vaadin.flow.component.html.Span at = new com.vaadin.flow.component.html.Span(Times.format(key.revokedAt()));
            at.setId("revoked-" + key.prefix());
            return at;
        }
        return revokeButton(key);
    }

    private Button revokeButton(KeyRow key) {
        Button revoke = new Button("Revoke", e -> Confirm.ask("revoke", "Revoke " + key.prefix() + "…?",
                "Calls with this key fail with 401 at once. This cannot be undone.", "Revoke", () -> {
                    keys.revoke(key.id());
                    updateList();
                }));
        revoke.setId("revoke-" + key.prefix());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        revoke.setVisible(mayRevoke);
        return revoke;
    }

    private void createKey() {
        AccountRow a = account.getValue();
        if (a == null) {
            account.setInvalid(true);
            account.setErrorMessage("Choose the account first");
            return;
        }
        KeyAdmin.NewKey issued = keys.create(a.id(), mode.getValue(), name.getValue());
        name.clear();
        updateList();
        new ShownOnceDialog("New API key", "new-key", issued.plaintext()).open();
    }

    private void updateList() {
        AccountRow a = account.getValue();
        if (a != null) {
            grid.setItems(keys.keys(a.id()));
            return;
        }
        String prefix = search.getValue();
        long count = keys.count(prefix);
        grid.setItems(q -> keys.search(prefix, q.getOffset(), q.getLimit()).stream(), q -> (int) count);
    }
}
