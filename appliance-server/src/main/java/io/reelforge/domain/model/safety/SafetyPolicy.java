package io.reelforge.domain.model.safety;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a prompt against the blocked terms. Text is folded (Unicode compatibility form, lower case, accents
 * and punctuation dropped, spaces collapsed) on both sides, and a term matches only on word boundaries, so
 * "class" is not caught by "ass" and "Gore!" is caught by "gore".
 */
public final class SafetyPolicy {

    private final List<SafetyTerm> terms;

    public SafetyPolicy(List<SafetyTerm> terms) {
        this.terms = List.copyOf(terms);
    }

    /** The category of the first blocked term in the text, if any. */
    public Optional<String> violation(String... texts) {
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String padded = " " + normalize(text) + " ";
            for (SafetyTerm t : terms) {
                if (padded.contains(" " + t.phrase() + " ")) {
                    return Optional.of(t.category());
                }
            }
        }
        return Optional.empty();
    }

    static String normalize(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
