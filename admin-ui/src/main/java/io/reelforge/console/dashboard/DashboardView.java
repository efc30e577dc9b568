package io.reelforge.console.dashboard;

import jakarta.inject.Inject;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.reelforge.application.console.Dashboard;
import io.reelforge.console.layout.MainLayout;

/** The last 24 hours: generations by status and the credits that moved. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Reelforge")
public class DashboardView extends VerticalLayout {

    private final FlexLayout statusCards = new FlexLayout();
    private final FlexLayout creditCards = new FlexLayout();

    @Inject
    public DashboardView(Dashboard dashboard) {
        configureCards();
        add(new H2("Last 24 hours"), statusCards, new H2("Credits"), creditCards);
        show(dashboard.stats());
    }

    private void configureCards() {
        for (FlexLayout f : new FlexLayout[] {statusCards, creditCards}) {
            f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            f.getStyle().set("gap", "var(--lumo-space-m)");
        }
        statusCards.setId("status-cards");
    }

    private void show(Dashboard.Stats stats) {
        stats.byStatus().forEach((status, n) -> statusCards.add(card(status, n)));
        creditCards.add(card("debited", stats.creditsDebited()), card("refunded", stats.creditsRefunded()));
    }

    private static Div card(String label, long value) {
        Span number = new Span(String.valueOf(value));
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Div card = new Div(number, new Div(new Span(label)));
        card.setId("card-" + label);
        card.getStyle().set("padding", "var(--lumo-space-m)").set("min-width", "8em")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-contrast-5pct)");
        return card;
    }
}
