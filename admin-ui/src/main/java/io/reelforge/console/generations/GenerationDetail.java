package io.reelforge.console.generations;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;

import io.reelforge.application.console.GenerationAdmin;
import io.reelforge.application.console.GenerationAdmin.GenerationRow;
import io.reelforge.console.support.Confirm;

/** One generation: its facts, the clip in a plain {@code <video>} element (a signed URL), and cancel. */
class GenerationDetail extends VerticalLayout {

    private final transient GenerationAdmin generations;
    private final boolean mayCancel;
    private final H3 title = new H3();
    private final Paragraph facts = new Paragraph();
    private final Div player = new Div();
    private final Button cancel = new Button("Cancel generation");
    private Consumer<String> onCancel = id -> { };
    private GenerationRow shown;

    GenerationDetail(GenerationAdmin generations, boolean mayCancel) {
        this.mayCancel = mayCancel;
        this.generations = generations;
        setId("generation-detail");
        facts.setId("generation-facts");
        player.setWidthFull();
        cancel.setId("cancel-generation");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> Confirm.ask("cancel-generation", "Cancel this generation?",
                "The render stops and the credits go back to the account.", "Cancel generation", () -> {
                    generations.cancel(shown.id());
                    onCancel.accept(shown.id());
                }));
        add(title, facts, player, cancel);
        setVisible(false);
    }

    void addCancelListener(Consumer<String> listener) {
        this.onCancel = listener;
    }

    void show(GenerationRow g) {
        shown = g;
        setVisible(g != null);
        player.removeAll();
        player.getElement().removeAllChildren();
        if (g == null) {
            return;
        }
        title.setText(g.status() + " · " + g.resolution() + " · " + g.durationSeconds() + " s");
        facts.setText(g.prompt() + " — account " + g.accountName() + ", engine " + g.engine() + ", "
                + g.credits() + " credits" + (g.errorCode() == null ? "" : ", error " + g.errorCode()));
        cancel.setVisible(mayCancel && ("queued".equals(g.status()) || "processing".equals(g.status())));
        generations.outputUrl(g.id()).ifPresent(url -> {
            Element video = new Element("video");
            video.setAttribute("id", "generation-video");
            video.setAttribute("controls", true);
            video.setAttribute("src", url);
            video.getStyle().set("width", "100%");
            player.getElement().appendChild(video);
        });
    }
}
