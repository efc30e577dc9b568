package io.reelforge.console.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

/** The dashboard's figure cards: a big number with its label under it, in rows that wrap. */
final class Cards {

    private Cards() {
    }

    static FlexLayout row(String id) {
        FlexLayout f = new FlexLayout();
        f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        f.getStyle().set("gap", "var(--lumo-space-m)");
        f.setId(id);
        return f;
    }

    /** Its id is {@code card-<label>}; the label is shown with spaces for dashes. */
    static Card card(String label, String value) {
        return new Card(label, value);
    }

    /**
     * One card. Its figure changes in place ({@link #value}), so a live refresh sends the new text, not a new element
     * (the browser's focus, a screen reader's place and an open tooltip stay where they were).
     */
    static final class Card extends Div {

        private final Span number;

        private Card(String label, String value) {
            number = new Span(value);
            number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
            add(number, new Div(new Span(label.replace('-', ' '))));
            setId("card-" + label);
            getStyle().set("padding", "var(--lumo-space-m)").set("min-width", "8em")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-contrast-5pct)");
        }

        void value(String value) {
            number.setText(value);
        }
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        return bytes >= 1L << 30 ? String.format("%.1f GiB", bytes / (double) (1L << 30))
                : String.format("%.1f MiB", bytes / (double) (1L << 20));
    }
}
