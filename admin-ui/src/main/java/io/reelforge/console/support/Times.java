package io.reelforge.console.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.datepicker.DatePicker;

/** How the console writes a time, everywhere: to the second, in UTC, and saying so. */
public final class Times {

    /** Wide enough for {@link #format}'s text in a grid column. */
    public static final String COLUMN_WIDTH = "15.5rem";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** The first instant of a UTC day (a date picker's value); null for none. */
    public static Instant startOf(java.time.LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after a UTC day, so that a range "to" that day includes it; null for none. */
    public static Instant endOf(java.time.LocalDate day) {
        return day == null ? null : startOf(day.plusDays(1));
    }

    /**
     * A date picker for a UTC day, written and typed as yyyy-MM-dd whatever the browser's locale (the same text as
     * {@link #format}'s date, and no 1/2 vs 2/1 ambiguity), with a clear button.
     */
    public static DatePicker utcDayPicker(String label, String id) {
        DatePicker picker = new DatePicker(label);
        picker.setId(id);
        picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        picker.setClearButtonVisible(true);
        picker.setPlaceholder("yyyy-mm-dd");
        return picker;
    }

    public static String format(Instant t) {
        return t == null ? "" : FORMAT.format(t);
    }
}
