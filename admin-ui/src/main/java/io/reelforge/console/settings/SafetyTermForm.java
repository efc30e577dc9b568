package io.reelforge.console.settings;

import com.vaadin.flow.component.textfield.TextField;

import io.reelforge.application.console.SafetyTermDraft;
import io.reelforge.console.support.DraftForm;

/** A word or phrase to block, and the category a blocked prompt is reported under. */
public class SafetyTermForm extends DraftForm<SafetyTermDraft> {

    final TextField category = new TextField("Category");
    final TextField phrase = new TextField("Word or phrase");

    public SafetyTermForm() {
        super(SafetyTermDraft.class, "safety");
        category.setId("safety-category");
        phrase.setId("safety-phrase");
        save.setText("Block");
        close.setVisible(false);
        layout(category, phrase);
    }
}
