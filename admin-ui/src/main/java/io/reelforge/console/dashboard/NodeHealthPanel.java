package io.reelforge.console.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.reelforge.application.console.DeviceProbe.Device;
import io.reelforge.application.console.LiveHealth;
import io.reelforge.application.console.LiveHealth.ModelInUse;
import io.reelforge.console.support.Times;

/**
 * This node now: each device (GPU or CPU) with memory and utilisation, render slots, the queue and its oldest
 * job's wait, the last hour's renders and failures, and the engines and model versions rendering.
 */
class NodeHealthPanel extends VerticalLayout implements LiveSection {

    private final transient LiveHealth health;
    private final H2 title = new H2();
    private final Span updated = new Span();
    private final FlexLayout deviceCards = Cards.row("device-cards");
    private final FlexLayout workCards = Cards.row("work-cards");
    final Grid<ModelInUse> models = new Grid<>();

    NodeHealthPanel(LiveHealth health) {
        this.health = health;
        setPadding(false);
        setId("node-health");
        updated.setId("health-updated");
        updated.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        models.setId("models-in-use");
        models.setAllRowsVisible(true);
        models.addColumn(ModelInUse::engine).setHeader("Engine");
        models.addColumn(m -> m.model() == null ? "" : m.model()).setHeader("Model");
        models.addColumn(m -> m.version() == null ? "" : m.version()).setHeader("Version");
        models.addColumn(ModelInUse::jobs).setHeader("Jobs (rendering or last hour)");
        add(title, updated, deviceCards, workCards, new H2("Engines and models in use"), models);
        refresh();
    }

    @Override
    public void refresh() {
        LiveHealth.Snapshot s = health.now();
        title.setText("This node: " + s.node());
        updated.setText("Updated " + Times.format(s.at()) + ", every " + DashboardView.POLL_SECONDS + " s");
        deviceCards.removeAll();
        for (int i = 0; i < s.devices().size(); i++) {
            deviceCards.add(device(i, s.devices().get(i)));
        }
        workCards.removeAll();
        workCards.add(Cards.card("busy-slots", s.busySlots() + " / " + s.totalSlots()),
                Cards.card("queued", String.valueOf(s.queued())),
                Cards.card("oldest-wait", waited(s.oldestQueuedWait().toSeconds())),
                Cards.card("renders-last-hour", String.valueOf(s.rendersLastHour())),
                Cards.card("failures-last-hour", String.valueOf(s.failuresLastHour())));
        models.setItems(s.models());
    }

    private static Div device(int index, Device d) {
        String memory = d.memoryTotalBytes() < 0 ? "memory unknown"
                : Cards.size(d.memoryUsedBytes()) + " / " + Cards.size(d.memoryTotalBytes());
        Div card = Cards.card(d.kind() + "-" + index, d.utilisationPercent() < 0 ? "n/a" : d.utilisationPercent() + "%");
        card.add(new Div(new Span(d.name())), new Div(new Span(memory)));
        return card;
    }

    private static String waited(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
