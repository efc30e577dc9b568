package io.reelforge.console.accounts;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.AccountAdmin;
import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.AccountAdmin.AccountRow;
import io.reelforge.application.console.AccountDraft;
import io.reelforge.application.console.LedgerAdmin;
import io.reelforge.console.keys.KeysView;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.ErrorNotifier;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.console.usage.UsageView;

/** Accounts: a lazy grid, and the form beside it to create or edit one. */
@Route(value = "accounts", layout = MainLayout.class)
@PageTitle("Accounts · Reelforge")
public class AccountsView extends VerticalLayout {

    final Grid<AccountRow> grid = new Grid<>();
    final Button add = new Button("New account");
    final Button grant = new Button("Credits…");
    final AccountForm form;

    private final transient AccountAdmin accounts;
    private final transient LedgerAdmin ledger;
    private boolean mayUpdate;
    private final boolean mayOverdraw;

    @Inject
    public AccountsView(AccountAdmin accounts, LedgerAdmin ledger, ConsoleSessions sessions) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.form = new AccountForm(accounts.plans(), accounts.resolutions());
        setSizeFull();
        configureGrid();
        configureForm();
        add(toolbar(), form.besideGrid(grid));
        // What the role cannot do is not offered (the services refuse it anyway).
        add.setVisible(sessions.isPermitted("accounts:create"));
        grant.setVisible(sessions.isPermitted("ledger:grant") || sessions.isPermitted("ledger:deduct"));
        mayOverdraw = sessions.isPermitted("ledger:overdraw");
        mayUpdate = sessions.isPermitted("accounts:update");
        updateList();
    }

    private void configureGrid() {
        grid.setId("accounts-grid");
        grid.setSizeFull();
        grid.addColumn(AccountRow::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(AccountRow::planId).setHeader("Plan");
        grid.addColumn(AccountRow::status).setHeader("Status");
        grid.addColumn(AccountRow::maxConcurrentJobs).setHeader("Jobs at once");
        grid.addColumn(r -> r.dailyClipCap() == null ? "-" : r.dailyClipCap().toString()).setHeader("Clips/day");
        grid.addColumn(AccountRow::allowedResolutions).setHeader("Resolutions");
        grid.addColumn(AccountRow::balance).setHeader("Balance");
        grid.addColumn(AccountRow::id).setHeader("Id").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
    }

    private void configureForm() {
        form.setId("account-form");
        form.addSaveListener(e -> {
            try {
                accounts.save(e.getDraft());
            } catch (RuntimeException ex) {
                // a name already taken is told beside the name, as the form's own checks are
                ReelforgeException expected = ErrorNotifier.expected(ex).orElseThrow(() -> ex);
                if (!"name".equals(expected.param())) {
                    throw ex;
                }
                form.name.setErrorMessage(expected.getMessage());
                form.name.setInvalid(true);
                return;
            }
            updateList();
            form.edit(null);
        });
        form.addKeysListener(e -> getUI().ifPresent(ui -> ui.navigate(KeysView.class, e.getDraft().getId())));
        form.addUsageListener(e -> getUI().ifPresent(ui -> ui.navigate(UsageView.class, e.getDraft().getId())));
        form.addCloseListener(e -> form.edit(null));
    }

    private HorizontalLayout toolbar() {
        add.setId("new-account");
        add.addClickListener(e -> {
            grid.asSingleSelect().clear();
            form.edit(new AccountDraft());
            form.setWritable(true);
        });
        grant.setId("grant");
        grant.addClickListener(e -> openGrant());
        return new HorizontalLayout(add, grant);
    }

    private void updateList() {
        grid.setItems(q -> accounts.page(q.getOffset(), q.getLimit()).stream(), q -> (int) accounts.count());
    }

    private void edit(AccountRow row) {
        if (row == null) {
            form.edit(null);
        } else {
            form.edit(accounts.draftOf(row.id()));
            form.setWritable(mayUpdate);
        }
    }

    private void openGrant() {
        AccountRow row = grid.asSingleSelect().getValue();
        if (row == null) {
            Notification.show("Select an account first.");
            return;
        }
        new GrantDialog(row.name(), row.balance(), mayOverdraw, (adjustment) -> {
            long balance = ledger.adjust(row.id(), adjustment.credits(), adjustment.reason(), adjustment.allowNegative());
            Notification.show(row.name() + ": balance now " + balance + " credits");
            updateList();
        }).open();
    }
}
