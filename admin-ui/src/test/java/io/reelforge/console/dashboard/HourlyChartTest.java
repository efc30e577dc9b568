package io.reelforge.console.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.reelforge.application.console.Dashboard.HourBucket;

class HourlyChartTest {

    private static List<HourBucket> hours(long... created) {
        Instant first = Instant.parse("2026-11-24T00:00:00Z");
        List<HourBucket> list = new ArrayList<>();
        for (int i = 0; i < created.length; i++) {
            list.add(new HourBucket(first.plus(i, ChronoUnit.HOURS), created[i], i == 1 && created[i] > 0 ? 1 : 0));
        }
        return list;
    }

    @Test
    void theBusiestHourFillsThePlotAndEmptyHoursDrawNothing() {
        String svg = HourlyChart.svg(hours(0, 2, 4, 0));
        Matcher m = Pattern.compile("<rect class=\"bar\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"([0-9.]+)\"").matcher(svg);
        List<Double> heights = new ArrayList<>();
        while (m.find()) {
            heights.add(Double.parseDouble(m.group(1)));
        }
        // hour 1: 1 ok + 1 failed (two bars of 37.5), hour 2: 4 ok (the full 150); hours 0 and 3: nothing
        assertEquals(List.of(37.5, 37.5, 150.0), heights);
        assertTrue(svg.contains("#e3343a"), "failed part in the error colour");
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertTrue(svg.contains(">00:00</text>"));
        assertTrue(svg.contains(">UTC</text>"), "the time axis says its zone");
        assertTrue(svg.contains("class=\"y-label\">4</text>") && svg.contains("class=\"y-label\">2</text>")
                && svg.contains("class=\"y-label\">0</text>"), "a y-axis from 0 to the busiest hour");
    }

    @Test
    void aQuietDayIsAnEmptyPlotNotADivisionByZero() {
        String svg = HourlyChart.svg(hours(new long[24]));
        assertTrue(!svg.contains("<rect"), svg);
    }
}
