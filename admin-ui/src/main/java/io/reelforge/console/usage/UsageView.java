package io.reelforge.console.usage;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.AccountUsage;
import io.reelforge.application.console.AccountUsage.LedgerRow;
import io.reelforge.application.console.AccountUsage.Usage;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.CsvDownload;
import io.reelforge.console.support.Times;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerQuery;

/**
 * One account's usage ({@code /admin/usage/<accountId>}): clips and credits spent per day over 30 or 90 days, and
 * its ledger with filters (kind, UTC dates, text in the reason or actor) and a CSV export of what the filters show.
 */
@Route(value = "usage", layout = MainLayout.class)
@PageTitle("Account usage · Reelforge")
public class UsageView extends VerticalLayout implements HasUrlParameter<String> {

    final H2 title = new H2();
    final Select<Integer> period = new Select<>();
    final Span totals = new Span();
    final VerticalLayout charts = new VerticalLayout();
    final MultiSelectComboBox<EntryKind> kinds = new MultiSelectComboBox<>("Kind");
    final DatePicker from = Times.utcDayPicker("From (UTC)", "ledger-from");
    final DatePicker to = Times.utcDayPicker("To (UTC, included)", "ledger-to");
    final TextField text = new TextField("Reason or actor");
    final CsvDownload export = new CsvDownload("ledger-export", "Export CSV");
    final Grid<LedgerRow> grid = new Grid<>();

    private final transient AccountUsage usage;
    private String accountId;

    @Inject
    public UsageView(AccountUsage usage) {
        this.usage = usage;
        setSizeFull();
        configurePeriod();
        configureFilters();
        configureGrid();
        charts.setPadding(false);
        charts.setSpacing(false);
        HorizontalLayout head = new HorizontalLayout(period, totals);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout filters = new HorizontalLayout(kinds, from, to, text, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(title, head, charts, new H3("Ledger"), filters, grid);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        this.accountId = id;
        showUsage();
        updateLedger();
    }

    private void configurePeriod() {
        period.setLabel("Period");
        period.setId("usage-days");
        period.setItems(30, 90);
        period.setItemLabelGenerator(d -> "last " + d + " days");
        period.setValue(30);
        period.addValueChangeListener(e -> showUsage());
        totals.setId("usage-totals");
    }

    private void configureFilters() {
        kinds.setId("ledger-kinds");
        kinds.setItems(EntryKind.values());
        kinds.setItemLabelGenerator(k -> k.name().toLowerCase(Locale.ROOT));
        text.setId("ledger-text");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        kinds.addValueChangeListener(e -> updateLedger());
        from.addValueChangeListener(e -> updateLedger());
        to.addValueChangeListener(e -> updateLedger());
        text.addValueChangeListener(e -> updateLedger());
    }

    private void configureGrid() {
        grid.setId("ledger-grid");
        grid.setSizeFull();
        grid.setMinHeight("20rem");
        grid.addColumn(r -> Times.format(r.at())).setHeader("When").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        grid.addColumn(LedgerRow::kind).setHeader("Kind").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(LedgerRow::amount).setHeader("Credits").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(LedgerRow::reason).setHeader("Reason").setFlexGrow(1).setTooltipGenerator(LedgerRow::reason);
        grid.addColumn(LedgerRow::actor).setHeader("Actor").setWidth("14rem").setFlexGrow(0)
                .setTooltipGenerator(LedgerRow::actor);
        grid.addColumn(r -> r.generationId() == null ? "" : r.generationId()).setHeader("Generation")
                .setWidth("12rem").setFlexGrow(0);
    }

    private void showUsage() {
        if (accountId == null) {
            return;
        }
        Usage u = usage.usage(accountId, period.getValue());
        title.setText("Usage of " + u.accountName());
        totals.setText(u.clips() + " clips, " + u.credits() + " credits spent in the last " + u.days().size()
                + " days (days in " + u.zone() + ")");
        charts.removeAll();
        charts.add(new Span("Clips per day"), chart("usage-clips-chart", "clips", u,
                u.days().stream().map(d -> new DailyChart.Day(d.day(), d.clips())).toList()));
        charts.add(new Span("Credits spent per day (debits less refunds)"), chart("usage-credits-chart", "credits", u,
                u.days().stream().map(d -> new DailyChart.Day(d.day(), d.credits())).toList()));
    }

    /** Wrapped in a div: Html would otherwise make the svg root itself, in the HTML namespace. */
    private static Html chart(String id, String unit, Usage u, List<DailyChart.Day> days) {
        return new Html("<div>" + DailyChart.svg(id, unit, u.zone(), days) + "</div>");
    }

    private void updateLedger() {
        if (accountId == null) {
            return;
        }
        LedgerQuery query = query();
        grid.setItems(q -> usage.ledger(query, q.getOffset(), q.getLimit()).stream(), q -> (int) usage.count(query));
        export.of("ledger-" + accountId + ".csv", out -> usage.exportCsv(query, out));
    }

    LedgerQuery query() {
        Set<EntryKind> selected = kinds.getValue() == null ? Set.of() : kinds.getValue();
        return new LedgerQuery(accountId, selected, Times.startOf(from.getValue()), Times.endOf(to.getValue()), text.getValue());
    }
}
