package io.reelforge.console.audit;

import jakarta.inject.Inject;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.AuditLog;
import io.reelforge.console.support.Times;
import io.reelforge.console.layout.MainLayout;

/** Who did what, newest first, a page at a time. Read-only: the log has no edit path at all. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Reelforge")
public class AuditView extends VerticalLayout {

    final Grid<AuditLog.AuditView> grid = new Grid<>();

    @Inject
    public AuditView(AuditLog audit) {
        configureGrid();
        grid.setItems(q -> audit.page(q.getOffset(), q.getLimit()).stream(), q -> (int) audit.count());
        setSizeFull();
        add(grid);
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.setSizeFull();
        // Fixed widths: auto-sized ids and names pushed Detail off a 1400 px screen. Long cells show whole on hover.
        grid.addColumn(e -> Times.format(e.at())).setHeader("When").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        grid.addColumn(AuditLog.AuditView::actor).setHeader("Who").setWidth("11rem").setFlexGrow(0)
                .setTooltipGenerator(AuditLog.AuditView::actor);
        grid.addColumn(AuditLog.AuditView::action).setHeader("Action").setWidth("13rem").setFlexGrow(0);
        grid.addColumn(AuditLog.AuditView::target).setHeader("About").setWidth("12rem").setFlexGrow(0)
                .setTooltipGenerator(e -> e.target() == null ? "" : e.target());
        grid.addColumn(AuditLog.AuditView::detail).setHeader("Detail").setFlexGrow(1).setWidth("20rem")
                .setTooltipGenerator(e -> e.detail() == null ? "" : e.detail());
    }
}
