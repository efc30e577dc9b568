package io.reelforge.console.dashboard;

import com.vaadin.flow.component.grid.Grid;

import io.reelforge.application.Cluster;
import io.reelforge.console.support.Times;

/**
 * The appliances sharing the database: what each runs and offers, how busy it is, and whether it holds its lease.
 * A grid made here rather than a subclass of {@link Grid}: CDI scans the console's classes, and a subclass of Grid
 * makes Weld read Grid's methods, some of which name Spring Data's {@code Pageable}, which the appliance does not
 * ship (WELD-000119 at every start).
 */
final class NodesGrid {

    private NodesGrid() {
    }

    static Grid<Cluster.NodeView> of(Cluster cluster) {
        Grid<Cluster.NodeView> grid = new Grid<>(Cluster.NodeView.class, false);
        grid.setId("nodes");
        grid.addColumn(Cluster.NodeView::id).setHeader("Node").setAutoWidth(true);
        grid.addColumn(Cluster.NodeView::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(Cluster.NodeView::engines).setHeader("Engines");
        grid.addColumn(Cluster.NodeView::devices).setHeader("Devices");
        grid.addColumn(n -> n.busySlots() + " / " + n.slots()).setHeader("Busy slots").setAutoWidth(true);
        grid.addColumn(n -> Times.format(n.lastHeartbeat())).setHeader("Last heartbeat").setAutoWidth(true);
        grid.addColumn(Cluster.NodeView::state).setHeader("State").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setItems(cluster.nodes());
        return grid;
    }
}
