package io.reelforge.console.dashboard;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.Cluster;
import io.reelforge.application.console.Dashboard;
import io.reelforge.console.layout.MainLayout;

/** The last 24 hours: generations by status and by hour, credits that moved, engines, the output disk and the nodes. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Reelforge")
public class DashboardView extends VerticalLayout {

    private final FlexLayout statusCards = new FlexLayout();
    private final FlexLayout creditCards = new FlexLayout();
    private final FlexLayout engineCards = new FlexLayout();
    private final FlexLayout diskCards = new FlexLayout();

    @Inject
    public DashboardView(Dashboard dashboard, Cluster cluster) {
        configureCards();
        Dashboard.Stats stats = dashboard.stats();
        add(new H2("Last 24 hours"), statusCards, chart(stats),
                new H2("Credits"), creditCards, new H2("Engines"), engineCards,
                new H2("Output storage"), diskCards, new H2("Nodes"), new NodesGrid(cluster));
        show(stats);
    }

    /**
     * Wrapped in a div: Html would create an {@code <svg>} root itself, in the HTML namespace, where nothing
     * draws; parsed as the div's content, the browser puts it in the SVG namespace.
     */
    private static Html chart(Dashboard.Stats stats) {
        return new Html("<div>" + HourlyChart.svg(stats.hours()) + "</div>");
    }

    private void configureCards() {
        for (FlexLayout f : new FlexLayout[] {statusCards, creditCards, engineCards, diskCards}) {
            f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            f.getStyle().set("gap", "var(--lumo-space-m)");
        }
        statusCards.setId("status-cards");
        engineCards.setId("engine-cards");
        diskCards.setId("disk-cards");
    }

    private void show(Dashboard.Stats stats) {
        stats.byStatus().forEach((status, n) -> statusCards.add(card(status, String.valueOf(n))));
        statusCards.add(card("render-seconds", String.valueOf(stats.renderSeconds())));
        creditCards.add(card("debited", String.valueOf(stats.creditsDebited())),
                card("refunded", String.valueOf(stats.creditsRefunded())));
        stats.engines().forEach(e -> {
            Div c = card("engine-" + e.id(), e.ready() ? "ready" : "not ready");
            c.add(new Div(new Span(e.id() + " on " + e.device() + (e.ready() ? "" : ": " + e.detail()))));
            c.getStyle().set("background", e.ready() ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)");
            engineCards.add(c);
        });
        // The appliance's own clips beside what the whole file system holds (other data may share the disk).
        diskCards.add(card("used-by-reelforge", size(stats.outputBytes())), card("disk-free", size(stats.diskFreeBytes())),
                card("disk-used-in-all", stats.diskTotalBytes() < 0 ? "unknown"
                        : size(stats.diskTotalBytes() - stats.diskFreeBytes())));
        diskCards.add(new Div(new Span("on " + stats.storageRoot())));
    }

    private static String size(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        return bytes >= 1L << 30 ? String.format("%.1f GiB", bytes / (double) (1L << 30))
                : String.format("%.1f MiB", bytes / (double) (1L << 20));
    }

    private static Div card(String label, String value) {
        Span number = new Span(value);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Div card = new Div(number, new Div(new Span(label.replace('-', ' '))));
        card.setId("card-" + label);
        card.getStyle().set("padding", "var(--lumo-space-m)").set("min-width", "8em")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-contrast-5pct)");
        return card;
    }
}
