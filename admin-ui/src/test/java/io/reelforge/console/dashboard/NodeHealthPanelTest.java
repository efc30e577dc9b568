package io.reelforge.console.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;

import io.reelforge.application.console.DeviceProbe.Device;
import io.reelforge.application.console.LiveHealth;

class NodeHealthPanelTest {

    private static final Device CPU = new Device("cpu", "2 cores", 1L << 30, 4L << 30, 50);
    private static final Device GPU = new Device("gpu", "NVIDIA H100", 10L << 30, 80L << 30, 90);

    /** Hands out the given snapshots in turn, as the database would at each poll. */
    private static final class Scripted extends LiveHealth {

        private final Deque<Snapshot> snapshots = new ArrayDeque<>();

        Scripted add(long busy, List<Device> devices) {
            snapshots.add(new Snapshot(Instant.parse("2026-12-07T12:00:00Z"), "node-a", devices, busy, 2, 0,
                    Duration.ZERO, 3, 0, List.of()));
            return this;
        }

        @Override
        public Snapshot now() {
            return snapshots.size() > 1 ? snapshots.poll() : snapshots.peek();
        }
    }

    private static Component find(Component c, String id) {
        if (id.equals(c.getId().orElse(null))) {
            return c;
        }
        return c.getChildren().map(child -> find(child, id)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The figure: the card's first child. */
    private static String figure(Component card) {
        return ((Span) card.getChildren().findFirst().orElseThrow()).getText();
    }

    @Test
    void aRefreshChangesTheFiguresInPlace() {
        NodeHealthPanel panel = new NodeHealthPanel(new Scripted().add(0, List.of(CPU)).add(1, List.of(CPU)));
        Component busy = find(panel, "card-busy-slots");
        Component device = find(panel, "card-cpu-0");
        assertEquals("0 / 2", figure(busy));

        panel.refresh();

        // the same elements, new text: a browser holding them (or a screen reader's place in them) keeps them
        assertSame(busy, find(panel, "card-busy-slots"));
        assertSame(device, find(panel, "card-cpu-0"));
        assertEquals("1 / 2", figure(busy));
        assertEquals("50%", figure(device));
    }

    @Test
    void theDeviceCardsAreMadeAgainOnlyWhenTheDevicesChange() {
        NodeHealthPanel panel = new NodeHealthPanel(new Scripted().add(0, List.of(CPU)).add(0, List.of(GPU, CPU)));
        Component cpu = find(panel, "card-cpu-0");

        panel.refresh();

        assertEquals("90%", figure(find(panel, "card-gpu-0")));
        assertNotSame(cpu, find(panel, "card-cpu-1"));
        assertEquals(null, find(panel, "card-cpu-0"));
    }
}
