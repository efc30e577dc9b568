package io.reelforge.console.dashboard;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.reelforge.application.console.Dashboard.HourBucket;

/**
 * Clips per hour as a small SVG bar chart, rendered on the server (no chart library, no frontend build): one
 * bar per hour, its failed part in the error colour, a y-axis of clips (0, half, the busiest hour), the hour
 * under every sixth bar and "UTC" at the end of the time axis.
 */
final class HourlyChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 180;
    private static final int PLOT = 150;
    private static final int LEFT = 36;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private HourlyChart() {
    }

    static String svg(List<HourBucket> hours) {
        long max = Math.max(1, hours.stream().mapToLong(HourBucket::created).max().orElse(1));
        double slot = (double) (WIDTH - LEFT) / Math.max(1, hours.size());
        StringBuilder s = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"hourly-chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\"><title>Clips per hour, last 24 hours (max ").append(max).append(")</title>")
                .append("<line x1=\"0\" y1=\"").append(PLOT).append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(PLOT)
                .append("\" stroke=\"#999\" stroke-width=\"1\"/>")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"0\" x2=\"").append(LEFT).append("\" y2=\"").append(PLOT)
                .append("\" stroke=\"#999\" stroke-width=\"1\"/>");
        yLabel(s, 0, max);
        if (max >= 2) {
            yLabel(s, PLOT / 2.0, max / 2.0);
        }
        yLabel(s, PLOT, 0);
        s.append("<text x=\"").append(WIDTH).append("\" y=\"").append(PLOT + 18)
                .append("\" font-size=\"12\" fill=\"#666\" text-anchor=\"end\">UTC</text>");
        for (int i = 0; i < hours.size(); i++) {
            HourBucket h = hours.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double w = slot * 0.7;
            long ok = h.created() - h.failed();
            double okHeight = PLOT * (double) ok / max;
            double failedHeight = PLOT * (double) h.failed() / max;
            bar(s, x, PLOT - okHeight, w, okHeight, "#1676f3", h.hour() + ": " + h.created() + " clips");
            bar(s, x, PLOT - okHeight - failedHeight, w, failedHeight, "#e3343a", h.failed() + " failed");
            if (i % 6 == 0) {
                s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(PLOT + 18)
                        .append("\" font-size=\"12\" fill=\"#666\">").append(HOUR.format(h.hour())).append("</text>");
            }
        }
        return s.append("</svg>").toString();
    }

    /** A value on the y-axis (clips), right-aligned left of it; the top label sits just below the edge. */
    private static void yLabel(StringBuilder s, double y, double clips) {
        String text = clips == Math.rint(clips) ? String.valueOf((long) clips) : fmt(clips);
        s.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(Math.max(10, y + 4)))
                .append("\" font-size=\"11\" fill=\"#666\" text-anchor=\"end\" class=\"y-label\">").append(text).append("</text>");
    }

    private static void bar(StringBuilder s, double x, double y, double w, double h, String colour, String title) {
        if (h <= 0) {
            return;
        }
        s.append("<rect class=\"bar\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                .append(fmt(w)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(colour)
                .append("\"><title>").append(title).append("</title></rect>");
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
