package io.reelforge.application.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesWhatNeedsItAndDisarmsFormulas() {
        StringWriter out = new StringWriter();
        new Csv(out).row("plain", "a,b", "say \"hi\"", "two\nlines", null, -45L, Instant.parse("2026-12-04T10:00:00Z"))
                .row("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "ok=fine");
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,-45,2026-12-04T10:00:00Z\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-1,'@SUM(A1),'\tx,ok=fine\r\n", out.toString());
    }

    @Test
    void defusesCellsASpreadsheetWouldRunAsFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("-5", Csv.cell(-5L), "numbers stay numbers");
        assertEquals("a=b", Csv.cell("a=b"), "only the first character counts");
    }
}
