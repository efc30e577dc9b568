package io.reelforge.console.dashboard;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import io.reelforge.application.Cluster;
import io.reelforge.application.console.Dashboard;
import io.reelforge.application.console.LiveHealth;
import io.reelforge.console.layout.MainLayout;

/**
 * Live first (this node's devices, slots, queue and models, read again every {@link #POLL_SECONDS} seconds while
 * the page is open), then the last 24 hours: generations by status and by hour, credits that moved, engines and
 * the output disk, and the nodes sharing the database. A further live part is one more {@code live(...)} line in the constructor.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Reelforge")
public class DashboardView extends VerticalLayout {

    /** How often the live parts are read again; the browser asks (UI polling), so no reload is needed. */
    static final int POLL_SECONDS = 5;

    private final FlexLayout statusCards = Cards.row("status-cards");
    private final FlexLayout creditCards = Cards.row("credit-cards");
    private final FlexLayout engineCards = Cards.row("engine-cards");
    private final FlexLayout diskCards = Cards.row("disk-cards");
    private final List<LiveSection> liveSections = new ArrayList<>();
    private Registration polling;

    @Inject
    public DashboardView(Dashboard dashboard, LiveHealth health, Cluster cluster) {
        live(new NodeHealthPanel(health));
        Dashboard.Stats stats = dashboard.stats();
        add(new H2("Last 24 hours"), statusCards, chart(stats),
                new H2("Credits"), creditCards, new H2("Engines"), engineCards,
                new H2("Output storage"), diskCards, new H2("Nodes"), NodesGrid.of(cluster));
        show(stats);
    }

    /** Adds a part of the dashboard; one that is a {@link LiveSection} is refreshed on every poll. */
    private void live(Component part) {
        add(part);
        if (part instanceof LiveSection s) {
            liveSections.add(s);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(POLL_SECONDS * 1000);
        polling = event.getUI().addPollListener(this::refreshLive);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // Other views do not poll: the next page's requests are the user's own.
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        super.onDetach(event);
    }

    private void refreshLive(PollEvent event) {
        liveSections.forEach(LiveSection::refresh);
    }

    /**
     * Wrapped in a div: Html would create an {@code <svg>} root itself, in the HTML namespace, where nothing
     * draws; parsed as the div's content, the browser puts it in the SVG namespace.
     */
    private static Html chart(Dashboard.Stats stats) {
        return new Html("<div>" + HourlyChart.svg(stats.hours()) + "</div>");
    }

    private void show(Dashboard.Stats stats) {
        stats.byStatus().forEach((status, n) -> statusCards.add(Cards.card(status, String.valueOf(n))));
        statusCards.add(Cards.card("render-seconds", String.valueOf(stats.renderSeconds())));
        creditCards.add(Cards.card("debited", String.valueOf(stats.creditsDebited())),
                Cards.card("refunded", String.valueOf(stats.creditsRefunded())));
        stats.engines().forEach(e -> {
            Div c = Cards.card("engine-" + e.id(), e.ready() ? "ready" : "not ready");
            c.add(new Div(new Span(e.id() + " on " + e.device() + (e.ready() ? "" : ": " + e.detail()))));
            c.getStyle().set("background", e.ready() ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)");
            engineCards.add(c);
        });
        // The appliance's own clips beside what the whole file system holds (other data may share the disk).
        diskCards.add(Cards.card("used-by-reelforge", Cards.size(stats.outputBytes())),
                Cards.card("disk-free", Cards.size(stats.diskFreeBytes())),
                Cards.card("disk-used-in-all", stats.diskTotalBytes() < 0 ? "unknown"
                        : Cards.size(stats.diskTotalBytes() - stats.diskFreeBytes())));
        diskCards.add(new Div(new Span("on " + stats.storageRoot())));
    }
}
