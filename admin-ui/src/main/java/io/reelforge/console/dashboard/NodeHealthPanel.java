package io.reelforge.console.dashboard;

import java.util.ArrayList;
import java.util.List;

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
    private final Cards.Card busySlots = Cards.card("busy-slots", "");
    private final Cards.Card queued = Cards.card("queued", "");
    private final Cards.Card oldestWait = Cards.card("oldest-wait", "");
    private final Cards.Card rendersLastHour = Cards.card("renders-last-hour", "");
    private final Cards.Card failuresLastHour = Cards.card("failures-last-hour", "");
    /** The devices the cards show, to rebuild them only when the node's devices change. */
    private List<String> shownDevices = List.of();
    private final List<DeviceCard> devices = new ArrayList<>();
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
        workCards.add(busySlots, queued, oldestWait, rendersLastHour, failuresLastHour);
        add(title, updated, deviceCards, workCards, new H2("Engines and models in use"), models);
        refresh();
    }

    @Override
    public void refresh() {
        LiveHealth.Snapshot s = health.now();
        title.setText("This node: " + s.node());
        updated.setText("Updated " + Times.format(s.at()) + ", every " + DashboardView.POLL_SECONDS + " s");
        List<String> kinds = s.devices().stream().map(d -> d.kind() + " " + d.name()).toList();
        if (!kinds.equals(shownDevices)) {
            deviceCards.removeAll();
            devices.clear();
            for (int i = 0; i < s.devices().size(); i++) {
                DeviceCard card = new DeviceCard(i, s.devices().get(i));
                devices.add(card);
                deviceCards.add(card.card);
            }
            shownDevices = kinds;
        }
        for (int i = 0; i < devices.size(); i++) {
            devices.get(i).show(s.devices().get(i));
        }
        busySlots.value(s.busySlots() + " / " + s.totalSlots());
        queued.value(String.valueOf(s.queued()));
        oldestWait.value(waited(s.oldestQueuedWait().toSeconds()));
        rendersLastHour.value(String.valueOf(s.rendersLastHour()));
        failuresLastHour.value(String.valueOf(s.failuresLastHour()));
        models.setItems(s.models());
    }

    /** A device's card: utilisation as its figure, then the device's name and its memory in use. */
    private static final class DeviceCard {

        private final Cards.Card card;
        private final Span memory = new Span();

        DeviceCard(int index, Device d) {
            card = Cards.card(d.kind() + "-" + index, "");
            card.add(new Div(new Span(d.name())), new Div(memory));
        }

        void show(Device d) {
            card.value(d.utilisationPercent() < 0 ? "n/a" : d.utilisationPercent() + "%");
            memory.setText(d.memoryTotalBytes() < 0 ? "memory unknown"
                    : Cards.size(d.memoryUsedBytes()) + " / " + Cards.size(d.memoryTotalBytes()));
        }
    }

    private static String waited(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
