package io.reelforge.domain.model.safety;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a prompt against the blocked terms. Text is folded on both sides before matching: Unicode compatibility
 * form (NFKC, so full-width and styled letters are plain ones), case folded, zero-width and other invisible
 * format characters removed (they must not split a word), accents and other combining marks dropped, common
 * Cyrillic and Greek look-alikes of Latin letters folded to them, punctuation to spaces, spaces collapsed. A
 * term matches only on word boundaries, so "class" is not caught by "ass", while "Gore!", "g\u200bore" and a
 * Cyrillic "gоrе" are caught by "gore".
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
                // folded again: a term stored under an older, weaker folding still matches the same way
                if (padded.contains(" " + normalize(t.phrase()) + " ")) {
                    return Optional.of(t.category());
                }
            }
        }
        return Optional.empty();
    }

    /** Cyrillic and Greek letters that look like a Latin one (lower case, after case folding), and that letter. */
    private static final String LOOK_ALIKES = "аaвbсcеeһhіiјjкkмmнhоoрpѕsтtуyхxԁdԛqԝwӏlѐeёeїiɡgαaβbεeηnιiκkνvοoρpτtυuχxωwγy";
    private static final Map<Character, Character> LATIN = new HashMap<>();

    static {
        for (int i = 0; i < LOOK_ALIKES.length(); i += 2) {
            LATIN.put(LOOK_ALIKES.charAt(i), LOOK_ALIKES.charAt(i + 1));
        }
    }

    static String normalize(String s) {
        String compatible = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT); // case folding: "ß" is "ss", "ſ" is "s"
        String bare = Normalizer.normalize(compatible, Normalizer.Form.NFD)
                .replaceAll("[\\p{M}\\p{Cf}\\u034F\\u115F\\u1160\\u3164\\uFFA0]+", "");
        StringBuilder latin = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            latin.append(LATIN.getOrDefault(c, c));
        }
        return latin.toString().replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
