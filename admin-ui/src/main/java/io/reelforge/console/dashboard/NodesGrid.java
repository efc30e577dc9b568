package io.reelforge.console.dashboard;

import com.vaadin.flow.component.grid.Grid;

import io.reelforge.application.Cluster;
import io.reelforge.console.support.Times;

/** The appliances sharing the database: what each runs and offers, how busy it is, and whether it holds its lease. */
public class NodesGrid extends Grid<Cluster.NodeView> {

    public NodesGrid(Cluster cluster) {
        super(Cluster.NodeView.class, false);
        setId("nodes");
        addColumn(Cluster.NodeView::id).setHeader("Node").setAutoWidth(true);
        addColumn(Cluster.NodeView::version).setHeader("Version").setAutoWidth(true);
        addColumn(Cluster.NodeView::engines).setHeader("Engines");
        addColumn(Cluster.NodeView::devices).setHeader("Devices");
        addColumn(n -> n.busySlots() + " / " + n.slots()).setHeader("Busy slots").setAutoWidth(true);
        addColumn(n -> Times.format(n.lastHeartbeat())).setHeader("Last heartbeat").setAutoWidth(true);
        addColumn(Cluster.NodeView::state).setHeader("State").setAutoWidth(true);
        setAllRowsVisible(true);
        setItems(cluster.nodes());
    }
}
