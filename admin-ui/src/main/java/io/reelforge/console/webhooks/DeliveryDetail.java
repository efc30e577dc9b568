package io.reelforge.console.webhooks;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.reelforge.application.console.WebhookAdmin;
import io.reelforge.application.console.WebhookAdmin.AttemptRow;
import io.reelforge.application.console.WebhookAdmin.DeliveryRow;

/**
 * One delivery: what it carries and where to, its attempts with what each got back (HTTP status or error, the
 * start of the answer), the next attempt, and Redeliver (the same message again, now).
 */
class DeliveryDetail extends VerticalLayout {

    private final transient WebhookAdmin webhooks;
    private final H4 title = new H4();
    private final Paragraph facts = new Paragraph();
    private final Div attempts = new Div();
    final Button redeliver = new Button("Redeliver");
    private Consumer<DeliveryRow> onRedelivered = d -> { };
    private DeliveryRow shown;

    DeliveryDetail(WebhookAdmin webhooks, boolean mayManage) {
        this.webhooks = webhooks;
        setId("delivery-detail");
        facts.setId("delivery-facts");
        attempts.setId("delivery-attempts");
        attempts.setWidthFull();
        redeliver.setId("redeliver");
        redeliver.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        redeliver.setVisible(mayManage);
        redeliver.addClickListener(e -> onRedelivered.accept(webhooks.redeliver(shown.id())));
        add(title, facts, redeliver, attempts);
        setVisible(false);
    }

    void addRedeliverListener(Consumer<DeliveryRow> listener) {
        this.onRedelivered = listener;
    }

    void show(DeliveryRow d) {
        shown = d;
        setVisible(d != null);
        attempts.removeAll();
        if (d == null) {
            return;
        }
        title.setText(d.eventType() + " · " + d.status() + " · " + d.attempts() + (d.attempts() == 1 ? " attempt" : " attempts"));
        facts.setText("Generation " + d.generationId() + " of " + d.accountName() + " to " + d.url()
                + (d.endpointId() == null ? " (the generation's own webhook_url)" : "")
                + (d.nextAttemptAt() == null ? "" : "; next attempt " + WebhooksView.time(d.nextAttemptAt()))
                + (d.finishedAt() == null ? "" : "; ended " + WebhooksView.time(d.finishedAt())) + ".");
        for (AttemptRow a : webhooks.attempts(d.id())) {
            attempts.add(attempt(a));
        }
        if (d.attempts() == 0) {
            attempts.add(new Paragraph(d.lastError() == null ? "Not attempted yet." : "Not attempted: " + d.lastError()));
        }
    }

    private static Div attempt(AttemptRow a) {
        Span head = new Span("#" + a.number() + "  " + WebhooksView.time(a.attemptedAt()) + "  "
                + (a.statusCode() == null ? "no HTTP answer" : "HTTP " + a.statusCode()) + "  (" + a.durationMs() + " ms)");
        head.getStyle().set("font-weight", "600");
        Div row = new Div(head);
        row.setId("attempt-" + a.number());
        if (a.error() != null) {
            row.add(new Paragraph(a.error()));
        }
        if (a.response() != null && !a.response().isEmpty()) {
            Pre response = new Pre(a.response());
            response.getStyle().set("white-space", "pre-wrap").set("margin", "var(--lumo-space-xs) 0");
            row.add(response);
        }
        row.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return row;
    }
}
