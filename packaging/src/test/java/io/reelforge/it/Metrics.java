package io.reelforge.it;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus text of {@code /metrics}, read by sample name and labels. */
final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    Metrics(String text) {
        this.text = text;
    }

    /** The sum of every sample of this name whose labels include all of {@code labels}; 0 when there is none. */
    double sum(String name, Map<String, String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = new java.util.HashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    have.put(l.group(1), l.group(2));
                }
            }
            if (have.entrySet().containsAll(labels.entrySet())) {
                total += Double.parseDouble(m.group(4));
            }
        }
        return total;
    }

    boolean has(String name, Map<String, String> labels) {
        return text.lines().anyMatch(l -> l.startsWith(name + "{") && labels.entrySet().stream()
                .allMatch(e -> l.contains(e.getKey() + "=\"" + e.getValue() + "\"")));
    }

    String text() {
        return text;
    }
}
