package io.reelforge.console.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.AccountAdmin;
import io.reelforge.application.console.AccountAdmin.AccountRow;
import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.WebhookAdmin;
import io.reelforge.application.console.WebhookAdmin.DeliveryRow;
import io.reelforge.application.console.WebhookAdmin.EndpointRow;
import io.reelforge.application.console.WebhookAdmin.NewSecret;
import io.reelforge.application.console.WebhookDraft;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.ErrorNotifier;
import io.reelforge.console.support.RequiresPermission;
import io.reelforge.console.support.Confirm;
import io.reelforge.console.support.Times;
import io.reelforge.console.support.ShownOnceDialog;
import io.reelforge.domain.model.webhook.DeliveryFilter;
import io.reelforge.domain.model.webhook.DeliveryStatus;

/**
 * Every account's webhook endpoints (filter by account): create one (its secret shown once), enable one a 410
 * disabled, rotate its secret, delete it. Below, the deliveries, newest first: all of them, or the selected
 * endpoint's, narrowed by status (the failed ones); a selected delivery shows its attempts and Redeliver.
 * Managing needs {@code webhooks:manage}; the service checks it on every call, the page only hides the buttons.
 */
@Route(value = "webhooks", layout = MainLayout.class)
@PageTitle("Webhooks · Reelforge")
@RequiresPermission("webhooks:read")
public class WebhooksView extends VerticalLayout {


    final ComboBox<AccountRow> account = new ComboBox<>("Account");
    final Button add = new Button("New endpoint");
    final Button refresh = new Button("Refresh");
    final Grid<EndpointRow> endpoints = new Grid<>();
    final WebhookForm form;
    final Select<DeliveryStatus> status = new Select<>();
    final Span shownDeliveries = new Span();
    final Button allDeliveries = new Button("All endpoints");
    final Grid<DeliveryRow> deliveries = new Grid<>();
    final DeliveryDetail detail;

    private final transient WebhookAdmin webhooks;
    private final transient AccountAdmin accounts;
    private final boolean mayManage;

    @Inject
    public WebhooksView(WebhookAdmin webhooks, AccountAdmin accounts, ConsoleSessions sessions) {
        this.webhooks = webhooks;
        this.accounts = accounts;
        this.mayManage = sessions.isPermitted("webhooks:manage");
        this.form = new WebhookForm(accountNames(), webhooks.events());
        this.detail = new DeliveryDetail(webhooks, mayManage);
        configureToolbar();
        configureEndpoints();
        configureForm();
        configureDeliveries();
        HorizontalLayout top = form.besideGrid(endpoints);
        top.setHeight(null);
        HorizontalLayout bottom = new HorizontalLayout(deliveries, detail);
        bottom.setFlexGrow(2, deliveries);
        bottom.setWidthFull();
        detail.setWidth("26rem");
        add(toolbar(), top, deliveriesToolbar(), bottom);
        updateLists();
    }

    /** How the page writes a time. */
    static String time(Instant t) {
        return Times.format(t);
    }

    private void configureToolbar() {
        account.setId("webhook-account-filter");
        account.setItems(q -> accounts.page(q.getOffset(), q.getLimit()).stream());
        account.setItemLabelGenerator(AccountRow::name);
        account.setPlaceholder("All accounts");
        account.setClearButtonVisible(true);
        account.setWidth("20rem");
        account.addValueChangeListener(e -> {
            endpoints.asSingleSelect().clear();
            updateLists();
        });
        add.setId("new-webhook");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(mayManage);
        add.addClickListener(e -> newEndpoint());
        refresh.setId("refresh-webhooks");
        refresh.addClickListener(e -> updateLists());
    }

    private HorizontalLayout toolbar() {
        HorizontalLayout bar = new HorizontalLayout(account, add, refresh);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void configureEndpoints() {
        endpoints.setId("webhooks-grid");
        endpoints.setHeight("11em");
        // Fixed widths (rem: header and body cells have other font sizes), since a lazy grid sizes automatic
        // columns before its rows arrive; long texts have tooltips.
        endpoints.addColumn(EndpointRow::accountName).setHeader("Account").setWidth("8rem");
        endpoints.addColumn(EndpointRow::url).setHeader("URL").setWidth("14rem").setFlexGrow(3)
                .setTooltipGenerator(EndpointRow::url);
        endpoints.addColumn(WebhooksView::events).setHeader("Events").setWidth("11rem")
                .setTooltipGenerator(WebhooksView::events);
        endpoints.addColumn(WebhooksView::status).setHeader("Status").setWidth("7rem")
                .setTooltipGenerator(WebhooksView::status);
        endpoints.addColumn(e -> e.description() == null ? "" : e.description()).setHeader("Description").setWidth("7rem");
        endpoints.addColumn(e -> time(e.createdAt())).setHeader("Created").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        // Frozen to the right edge: on a 1400 px screen the buttons stay in view while the rest scrolls.
        endpoints.addComponentColumn(this::actions).setHeader("").setWidth("17rem").setFlexGrow(0).setFrozenToEnd(true);
        endpoints.asSingleSelect().addValueChangeListener(e -> updateDeliveries());
    }

    private HorizontalLayout actions(EndpointRow e) {
        Button enable = new Button("Enable", click -> {
            webhooks.enable(e.id());
            Notification.show(e.url() + " is active again; redeliver what it missed below.");
            updateLists();
        });
        enable.setId("enable-" + e.id());
        enable.setVisible("disabled".equals(e.status()));
        Button rotate = new Button("Rotate secret", click -> {
            NewSecret s = webhooks.rotateSecret(e.id());
            new ShownOnceDialog("New signing secret of " + e.url(), "webhook-secret", s.secret(),
                    "Copy it now: the console never shows it again. The previous secret keeps signing too until "
                            + time(s.previousValidUntil()) + ", so the receiver can switch without missing a delivery.").open();
        });
        rotate.setId("rotate-" + e.id());
        Button delete = new Button("Delete", click -> confirmDelete(e));
        delete.setId("delete-" + e.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : new Button[] {enable, rotate, delete}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout buttons = new HorizontalLayout(enable, rotate, delete);
        buttons.setVisible(mayManage);
        return buttons;
    }

    private void confirmDelete(EndpointRow e) {
        Confirm.ask("delete", "Delete this endpoint?", e.url() + " of " + e.accountName() + " gets no more events,"
                + " and its deliveries are deleted with it.", "Delete", () -> {
                    webhooks.delete(e.id());
                    endpoints.asSingleSelect().clear();
                    updateLists();
                });
    }

    private void configureForm() {
        form.setId("webhook-form");
        form.addSaveListener(e -> create(e.getDraft()));
        form.addCloseListener(e -> form.edit(null));
    }

    private void newEndpoint() {
        form.setAccounts(accountNames());
        WebhookDraft draft = new WebhookDraft();
        if (account.getValue() != null) {
            draft.setAccountId(account.getValue().id());
        }
        form.edit(draft);
    }

    /** The service's refusals of a field (a refused address, an unknown event) are shown beside it. */
    private void create(WebhookDraft draft) {
        NewSecret created;
        try {
            created = webhooks.create(draft);
        } catch (RuntimeException e) {
            if (ErrorNotifier.expected(e).filter(form::showError).isPresent()) {
                return;
            }
            throw e;
        }
        form.edit(null);
        updateLists();
        new ShownOnceDialog("Signing secret of " + created.endpoint().url(), "webhook-secret", created.secret(),
                "Copy it now and give it to the receiver to verify deliveries with: the console never shows it "
                        + "again (Rotate secret makes a new one).").open();
    }

    private void configureDeliveries() {
        status.setId("delivery-status");
        status.setLabel("Status");
        status.setItems(DeliveryStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "any" : s.wireName());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("any");
        status.addValueChangeListener(e -> updateDeliveries());
        shownDeliveries.setId("deliveries-of");
        allDeliveries.setId("all-deliveries");
        allDeliveries.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        allDeliveries.addClickListener(e -> endpoints.asSingleSelect().clear());
        deliveries.setId("deliveries-grid");
        deliveries.setHeight("18em");
        deliveries.addColumn(d -> time(d.createdAt())).setHeader("Created").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        deliveries.addColumn(DeliveryRow::eventType).setHeader("Event").setWidth("11rem").setFlexGrow(0);
        deliveries.addColumn(DeliveryRow::status).setHeader("Status").setWidth("7.5rem").setFlexGrow(0);
        deliveries.addColumn(DeliveryRow::attempts).setHeader("Attempts").setWidth("6.5rem").setFlexGrow(0);
        deliveries.addColumn(WebhooksView::lastAnswer).setHeader("Last answer").setWidth("10rem")
                .setTooltipGenerator(WebhooksView::lastAnswer);
        deliveries.addColumn(d -> time(d.nextAttemptAt())).setHeader("Next attempt").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        deliveries.addColumn(DeliveryRow::generationId).setHeader("Generation").setWidth("20rem");
        deliveries.addColumn(DeliveryRow::accountName).setHeader("Account").setWidth("9rem");
        deliveries.addColumn(DeliveryRow::url).setHeader("URL").setWidth("16rem").setTooltipGenerator(DeliveryRow::url);
        deliveries.asSingleSelect().addValueChangeListener(e -> detail.show(e.getValue()));
        detail.addRedeliverListener(d -> {
            Notification.show(d.eventType() + " of " + d.generationId() + " is being sent again.");
            updateDeliveries();
            detail.show(d);
        });
    }

    private HorizontalLayout deliveriesToolbar() {
        H3 title = new H3("Deliveries");
        title.getStyle().set("margin", "0 var(--lumo-space-m) 0 0");
        HorizontalLayout bar = new HorizontalLayout(title, status, shownDeliveries, allDeliveries);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private static String events(EndpointRow e) {
        return e.events().isEmpty() ? "all" : String.join(", ", e.events());
    }

    private static String status(EndpointRow e) {
        return e.disabledReason() == null ? e.status() : e.status() + ": " + e.disabledReason();
    }

    private static String lastAnswer(DeliveryRow d) {
        if (d.lastStatusCode() != null) {
            return "HTTP " + d.lastStatusCode();
        }
        return d.lastError() == null ? "" : d.lastError();
    }

    private void updateLists() {
        String accountId = account.getValue() == null ? null : account.getValue().id();
        endpoints.setItems(q -> webhooks.endpoints(accountId, q.getOffset(), q.getLimit()).stream(),
                q -> (int) webhooks.countEndpoints(accountId));
        updateDeliveries();
    }

    private void updateDeliveries() {
        EndpointRow endpoint = endpoints.asSingleSelect().getValue();
        String accountId = account.getValue() == null ? null : account.getValue().id();
        DeliveryFilter filter = new DeliveryFilter(accountId, endpoint == null ? null : endpoint.id(), status.getValue());
        shownDeliveries.setText(endpoint == null ? "Deliveries to every endpoint and webhook_url"
                : "Deliveries to " + endpoint.url());
        allDeliveries.setVisible(endpoint != null);
        deliveries.setItems(q -> webhooks.deliveries(filter, q.getOffset(), q.getLimit()).stream(),
                q -> (int) webhooks.countDeliveries(filter));
        detail.show(null);
    }

    private Map<String, String> accountNames() {
        Map<String, String> names = new LinkedHashMap<>();
        accounts.page(0, Integer.MAX_VALUE).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }
}
