package io.reelforge.application.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A blocked word or phrase to add to the safety policy, under a category reported to the caller. */
public class SafetyTermDraft {

    @NotBlank(message = "Give a category")
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,59}", message = "2 to 60 lower-case letters, digits, '.', '_' or '-' (e.g. violence.gore)")
    private String category = "";

    @NotBlank(message = "Give a word or phrase")
    @Size(max = 200, message = "At most 200 characters")
    private String phrase = "";

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getPhrase() {
        return phrase;
    }

    public void setPhrase(String phrase) {
        this.phrase = phrase;
    }
}
