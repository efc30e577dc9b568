package io.reelforge.sandbox;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A prompt reduced to lower-case words between single spaces, so keywords match whole words and phrases
 * whatever the punctuation. A word right after "no", "without" or "not" (articles skipped) is marked
 * negated and matches nothing; words of the negative prompt never match.
 */
final class PromptText {

    private static final Set<String> NEGATORS = Set.of("no", "without", "not", "never");
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "any", "much", "more");

    private final String wanted;
    private final String unwanted;

    private PromptText(String wanted, String unwanted) {
        this.wanted = wanted;
        this.unwanted = unwanted;
    }

    static PromptText of(String prompt, String negativePrompt) {
        return new PromptText(normalize(prompt), normalize(negativePrompt));
    }

    /** Every choice of {@code type} the prompt names. */
    <E extends Enum<E>> EnumSet<E> all(Class<E> type) {
        EnumSet<E> found = EnumSet.noneOf(type);
        for (E choice : type.getEnumConstants()) {
            if (position(choice) >= 0) {
                found.add(choice);
            }
        }
        return found;
    }

    /** The choice of {@code type} the prompt names first, for things that can only be one way. */
    <E extends Enum<E>> Optional<E> first(Class<E> type) {
        E best = null;
        int bestAt = Integer.MAX_VALUE;
        for (E choice : type.getEnumConstants()) {
            int at = position(choice);
            if (at >= 0 && at < bestAt) {
                best = choice;
                bestAt = at;
            }
        }
        return Optional.ofNullable(best);
    }

    private int position(Enum<?> choice) {
        int first = -1;
        for (String word : Vocabulary.words(choice)) {
            String needle = " " + word + " ";
            int at = wanted.indexOf(needle);
            if (at >= 0 && !unwanted.contains(needle) && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static String normalize(String text) {
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        StringBuilder out = new StringBuilder(" ");
        boolean negate = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            out.append(negate && !FILLERS.contains(word) ? "!" : "").append(word).append(' ');
            negate = NEGATORS.contains(word) || (negate && FILLERS.contains(word));
        }
        return out.toString();
    }
}
