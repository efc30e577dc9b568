package io.reelforge.application.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * CSV as RFC 4180 writes it, a row at a time onto the writer (nothing is kept): a text cell is quoted when it holds
 * a comma, a quote or a line break, and one that a spreadsheet would run as a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}. Numbers are written as
 * they are, times in UTC (ISO 8601).
 */
public final class Csv {

    /**
     * Rows an export reads and writes at a time: memory holds one batch (each read through the one cursor of its
     * query, then flushed to the client and forgotten), however many rows match.
     */
    static final int BATCH = 1000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
    }

    public Csv row(Object... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells[i]));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String s = value instanceof Instant t ? TIME.format(t) : value.toString();
        if (value instanceof Instant) {
            return s;
        }
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
