package io.reelforge.console.generations;

import java.util.List;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.reelforge.application.console.AccountAdmin;
import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.application.console.GenerationAdmin;
import io.reelforge.application.console.GenerationAdmin.GenerationRow;
import io.reelforge.console.layout.MainLayout;
import io.reelforge.console.support.Times;
import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.generation.GenerationQuery.Field;

/**
 * Every account's generations, filtered, sorted and paged by the database (newest first until a column is
 * sorted), with the count of matches and a CSV export of them; a selected one opens its detail.
 */
@Route(value = "generations", layout = MainLayout.class)
@PageTitle("Generations · Reelforge")
public class GenerationsView extends VerticalLayout {

    final Grid<GenerationRow> grid = new Grid<>();
    final Button refresh = new Button("Refresh");
    final Span matches = new Span();
    final GenerationFilters filters;
    final GenerationDetail detail;

    private final transient GenerationAdmin generations;
    /** Read by the export, which runs on the download's own request, outside the UI's lock. */
    private volatile GenerationQuery query = GenerationQuery.all();

    @Inject
    public GenerationsView(GenerationAdmin generations, AccountAdmin accounts, ConsoleSessions sessions) {
        this.generations = generations;
        this.filters = new GenerationFilters(accounts, generations.engineIds());
        this.detail = new GenerationDetail(generations, sessions.isPermitted("generations:cancel"));
        setSizeFull();
        configureGrid();
        configureDetail();
        filters.addChangeListener(q -> {
            query = q;
            updateList();
        });
        add(filters, toolbar(), content());
        updateList();
    }

    private void configureGrid() {
        grid.setId("generations-grid");
        grid.setSizeFull();
        grid.setMultiSort(true, Grid.MultiSortPriority.PREPEND);
        grid.addColumn(GenerationRow::id).setHeader("Id").setWidth("8rem").setFlexGrow(0)
                .setTooltipGenerator(GenerationRow::id).setSortProperty(Field.ID.name());
        grid.addColumn(GenerationRow::accountName).setHeader("Account").setWidth("9rem").setFlexGrow(0)
                .setTooltipGenerator(GenerationRow::accountId).setSortProperty(Field.ACCOUNT.name());
        grid.addColumn(GenerationRow::status).setHeader("Status").setWidth("7.5rem").setFlexGrow(0)
                .setSortProperty(Field.STATUS.name());
        grid.addColumn(GenerationRow::prompt).setHeader("Prompt").setFlexGrow(1).setWidth("10rem")
                .setTooltipGenerator(GenerationRow::prompt).setSortProperty(Field.PROMPT.name());
        grid.addColumn(GenerationRow::resolution).setHeader("Res.").setWidth("5.5rem").setFlexGrow(0)
                .setSortProperty(Field.RESOLUTION.name());
        grid.addColumn(GenerationRow::durationSeconds).setHeader("Sec.").setWidth("5rem").setFlexGrow(0)
                .setSortProperty(Field.DURATION.name());
        grid.addColumn(GenerationRow::engine).setHeader("Engine").setWidth("7rem").setFlexGrow(0)
                .setTooltipGenerator(g -> g.engine() + (g.modelVersion() == null ? "" : " " + g.modelVersion()))
                .setSortProperty(Field.ENGINE.name());
        grid.addColumn(GenerationRow::credits).setHeader("Credits").setWidth("6rem").setFlexGrow(0)
                .setSortProperty(Field.CREDITS.name());
        Grid.Column<GenerationRow> created = grid.addColumn(g -> Times.format(g.createdAt())).setHeader("Created")
                .setWidth(Times.COLUMN_WIDTH).setFlexGrow(0).setSortProperty(Field.CREATED.name());
        grid.sort(List.of(new GridSortOrder<>(created, SortDirection.DESCENDING)));
        grid.asSingleSelect().addValueChangeListener(e -> detail.show(e.getValue()));
    }

    private HorizontalLayout toolbar() {
        refresh.setId("refresh-generations");
        refresh.addClickListener(e -> updateList());
        matches.setId("generations-count");
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName("generations.csv");
            event.setContentType("text/csv; charset=utf-8");
            generations.exportCsv(query, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, "Export CSV");
        export.setId("export-generations");
        HorizontalLayout bar = new HorizontalLayout(refresh, matches, export);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return bar;
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
        GenerationQuery filtered = query;
        long count = generations.count(filtered);
        matches.setText(count == 1 ? "1 generation" : count + " generations");
        grid.setItems(q -> generations.page(filtered.sortedBy(sort(q.getSortOrders())), q.getOffset(), q.getLimit()).stream(),
                q -> (int) count);
    }

    private static List<GenerationQuery.Sort> sort(List<QuerySortOrder> orders) {
        return orders.stream().map(o -> new GenerationQuery.Sort(Field.valueOf(o.getSorted()),
                o.getDirection() == SortDirection.ASCENDING)).toList();
    }
}
