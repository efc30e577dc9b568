package io.reelforge.console.audit;

import jakarta.inject.Inject;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.AuditLog;
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
        grid.addColumn(e -> e.at().toString()).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditLog.AuditView::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditLog.AuditView::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditLog.AuditView::target).setHeader("About").setAutoWidth(true);
        grid.addColumn(AuditLog.AuditView::detail).setHeader("Detail").setFlexGrow(1);
    }
}
