package io.reelforge.console.generations;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.GenerationAdmin;
import io.reelforge.application.console.GenerationAdmin.GenerationRow;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.Times;

/** Every account's generations, newest first, fetched a page at a time; a selected one opens its detail. */
@Route(value = "generations", layout = MainLayout.class)
@PageTitle("Generations · Reelforge")
public class GenerationsView extends VerticalLayout {

    final Grid<GenerationRow> grid = new Grid<>();
    final Button refresh = new Button("Refresh");
    final GenerationDetail detail;

    private final transient GenerationAdmin generations;

    @Inject
    public GenerationsView(GenerationAdmin generations, ConsoleSessions sessions) {
        this.generations = generations;
        this.detail = new GenerationDetail(generations, sessions.isPermitted("generations:cancel"));
        setSizeFull();
        configureGrid();
        configureDetail();
        refresh.setId("refresh-generations");
        refresh.addClickListener(e -> updateList());
        add(refresh, content());
        updateList();
    }

    private void configureGrid() {
        grid.setId("generations-grid");
        grid.setSizeFull();
        grid.addColumn(GenerationRow::id).setHeader("Id").setWidth("8rem").setFlexGrow(0)
                .setTooltipGenerator(GenerationRow::id);
        grid.addColumn(GenerationRow::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(GenerationRow::prompt).setHeader("Prompt").setFlexGrow(1).setWidth("12rem")
                .setTooltipGenerator(GenerationRow::prompt);
        grid.addColumn(GenerationRow::resolution).setHeader("Res.").setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(GenerationRow::credits).setHeader("Credits").setWidth("5rem").setFlexGrow(0);
        grid.addColumn(g -> Times.format(g.createdAt())).setHeader("Created").setWidth(Times.COLUMN_WIDTH).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> detail.show(e.getValue()));
    }

    private void configureDetail() {
        detail.setWidth("20em");
        detail.addCancelListener(id -> updateList());
    }

    private HorizontalLayout content() {
        HorizontalLayout content = new HorizontalLayout(grid, detail);
        content.setFlexGrow(2, grid);
        content.setSizeFull();
        return content;
    }

    private void updateList() {
        grid.setItems(q -> generations.page(q.getOffset(), q.getLimit()).stream(), q -> (int) generations.count());
    }
}
