package io.reelforge.console.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DailyChartTest {

    private static List<DailyChart.Day> days(int count, long... values) {
        LocalDate first = LocalDate.of(2026, 11, 1);
        List<DailyChart.Day> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new DailyChart.Day(first.plusDays(i), i < values.length ? values[i] : 0));
        }
        return list;
    }

    @Test
    void theBusiestDayFillsThePlotWithAYAxisDatesAndTheZone() {
        String svg = DailyChart.svg("clips-chart", "clips", "UTC", days(30, 0, 3, 6));
        Matcher m = Pattern.compile("<rect class=\"bar\" [^>]*height=\"([0-9.]+)\"").matcher(svg);
        List<Double> heights = new ArrayList<>();
        while (m.find()) {
            heights.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(List.of(70.0, 140.0), heights);
        assertTrue(svg.contains("id=\"clips-chart\""));
        assertTrue(svg.contains("<title>2026-11-03: 6 clips</title>"), "each bar says its day and value");
        assertTrue(svg.contains(">UTC</text>"), "the time axis says its zone");
        assertTrue(svg.contains(">11-01</text>") && svg.contains(">11-05</text>"), "dates under the bars");
        assertTrue(svg.contains("class=\"y-label\">6</text>") && svg.contains("class=\"y-label\">3</text>")
                && svg.contains("class=\"y-label\">0</text>"), "a y-axis from 0 to the busiest day");
    }

    @Test
    void ninetyQuietDaysAreAnEmptyPlot() {
        String svg = DailyChart.svg("credits-chart", "credits", "UTC", days(90));
        assertTrue(!svg.contains("<rect"), svg);
        assertEquals(svg.indexOf(">11-01</text>"), svg.lastIndexOf(">11-01</text>"));
    }
}
