package io.reelforge.application.console;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * CSV as RFC 4180 has it (comma, CRLF, a field quoted when it holds a comma, quote or line break, quotes
 * doubled) written row by row to a stream. A text cell starting with {@code = + - @}, tab or carriage return
 * gets a leading apostrophe, so a spreadsheet opening the export shows it instead of running it as a formula.
 */
public final class CsvOutput {

    private final Writer out;

    public CsvOutput(Writer out) {
        this.out = out;
    }

    public void row(Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Numbers and times are written as they are; text is defused, then quoted when it needs to be. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Instant) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
