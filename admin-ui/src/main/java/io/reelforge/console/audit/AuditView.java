package io.reelforge.console.audit;


import jakarta.inject.Inject;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.AuditLog;
import io.reelforge.console.support.CsvDownload;
import io.reelforge.console.support.Times;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.domain.model.console.AuditQuery;

/**
 * Who did what, from where, newest first, a page at a time; filtered by actor, action and UTC dates, and exported
 * as CSV as filtered. Read-only: the log has no edit path at all.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Reelforge")
public class AuditView extends VerticalLayout {

    final Grid<AuditLog.AuditView> grid = new Grid<>();
    final TextField actor = new TextField("Who");
    final TextField action = new TextField("Action");
    final DatePicker from = Times.utcDayPicker("From (UTC)", "audit-from");
    final DatePicker to = Times.utcDayPicker("To (UTC, included)", "audit-to");
    final CsvDownload export = new CsvDownload("audit-export", "Export CSV");

    private final transient AuditLog audit;

    @Inject
    public AuditView(AuditLog audit) {
        this.audit = audit;
        configureFilters();
        configureGrid();
        setSizeFull();
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(filters, grid);
        updateList();
    }

    private void configureFilters() {
        actor.setId("audit-actor");
        actor.setPlaceholder("user name");
        action.setId("audit-action");
        action.setPlaceholder("e.g. keys: or login");
        for (TextField f : new TextField[] {actor, action}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> updateList());
        }
        from.addValueChangeListener(e -> updateList());
        to.addValueChangeListener(e -> updateList());
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.setSizeFull();
        // Fixed widths: auto-sized ids and names pushed Detail off a 1400 px screen. Long cells show whole on hover.
        grid.addColumn(e -> Times.format(e.at())).setHeader("When").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        grid.addColumn(AuditLog.AuditView::actor).setHeader("Who").setWidth("10rem").setFlexGrow(0)
                .setTooltipGenerator(AuditLog.AuditView::actor);
        grid.addColumn(AuditLog.AuditView::sourceAddress).setHeader("From").setWidth("8rem").setFlexGrow(0)
                .setTooltipGenerator(e -> e.sourceAddress() == null ? "" : e.sourceAddress());
        grid.addColumn(AuditLog.AuditView::action).setHeader("Action").setWidth("12rem").setFlexGrow(0);
        // The name first (an account's or a user's), the id on hover: names are what people look for.
        grid.addColumn(AuditView::about).setHeader("About").setWidth("11rem")
                .setFlexGrow(0).setTooltipGenerator(e -> e.target() == null ? "" : e.target());
        grid.addColumn(AuditLog.AuditView::detail).setHeader("Detail").setFlexGrow(1).setWidth("16rem")
                .setTooltipGenerator(e -> e.detail() == null ? "" : e.detail());
    }

    private void updateList() {
        AuditQuery query = new AuditQuery(actor.getValue(), action.getValue(), Times.startOf(from.getValue()),
                Times.endOf(to.getValue()));
        grid.setItems(q -> audit.page(query, q.getOffset(), q.getLimit()).stream(), q -> (int) audit.count(query));
        export.of("audit.csv", out -> audit.exportCsv(query, out));
    }

    /** An account's or user's name beside the start of its id; other ids whole. */
    static String about(AuditLog.AuditView e) {
        if (e.targetName() == null) {
            return e.target();
        }
        return e.targetName() + " (" + (e.target().length() > 8 ? e.target().substring(0, 8) + "…" : e.target()) + ")";
    }
}
