package io.reelforge.console.usage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One value per day as a small SVG bar chart, drawn on the server (no chart library, no frontend build): a y-axis
 * with 0, half and the largest day, the date under the first bar and then about every week, and the time zone at
 * the end of the time axis. Each bar's tooltip gives the day and its value.
 */
final class DailyChart {

    record Day(LocalDate day, long value) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 170;
    private static final int PLOT = 140;
    private static final int LEFT = 44;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private DailyChart() {
    }

    /** {@code id} names the svg element; {@code unit} the values ("clips", "credits"); {@code zone} the days'. */
    static String svg(String id, String unit, String zone, List<Day> days) {
        long max = Math.max(1, days.stream().mapToLong(Day::value).max().orElse(1));
        double slot = (double) (WIDTH - LEFT) / Math.max(1, days.size());
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 8.0));
        StringBuilder s = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(id).append("\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\"><title>").append(unit).append(" per day, last ").append(days.size())
                .append(" days (max ").append(max).append(")</title>");
        line(s, 0, PLOT, WIDTH, PLOT);
        line(s, LEFT, 0, LEFT, PLOT);
        yLabel(s, 0, max);
        if (max >= 2) {
            yLabel(s, PLOT / 2.0, max / 2.0);
        }
        yLabel(s, PLOT, 0);
        s.append("<text x=\"").append(WIDTH).append("\" y=\"").append(PLOT + 18)
                .append("\" font-size=\"12\" fill=\"#666\" text-anchor=\"end\">").append(zone).append("</text>");
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double h = PLOT * (double) Math.max(0, d.value()) / max;
            if (h > 0) {
                s.append("<rect class=\"bar\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(PLOT - h))
                        .append("\" width=\"").append(fmt(slot * 0.7)).append("\" height=\"").append(fmt(h))
                        .append("\" fill=\"#1676f3\"><title>").append(d.day()).append(": ").append(d.value()).append(' ')
                        .append(unit).append("</title></rect>");
            }
            if (i % labelEvery == 0 && i + labelEvery / 2 < days.size()) {
                s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(PLOT + 18)
                        .append("\" font-size=\"12\" fill=\"#666\">").append(DATE.format(d.day())).append("</text>");
            }
        }
        return s.append("</svg>").toString();
    }

    private static void line(StringBuilder s, int x1, int y1, int x2, int y2) {
        s.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2).append("\" y2=\"")
                .append(y2).append("\" stroke=\"#999\" stroke-width=\"1\"/>");
    }

    /** A value on the y-axis, right-aligned left of it; the top label sits just below the edge. */
    private static void yLabel(StringBuilder s, double y, double value) {
        String text = value == Math.rint(value) ? String.valueOf((long) value) : fmt(value);
        s.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(Math.max(10, y + 4)))
                .append("\" font-size=\"11\" fill=\"#666\" text-anchor=\"end\" class=\"y-label\">").append(text).append("</text>");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
