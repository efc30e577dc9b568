package io.reelforge.application.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CsvOutputTest {

    @Test
    void quotesWhatNeedsQuotingAndDoublesQuotes() throws Exception {
        StringWriter w = new StringWriter();
        CsvOutput csv = new CsvOutput(w);
        csv.row("plain", "a, b", "say \"hi\"", "two\nlines", null, 42, Instant.parse("2026-12-04T10:00:00Z"));
        csv.flush();
        assertEquals("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",,42,2026-12-04T10:00:00Z\r\n", w.toString());
    }

    @Test
    void defusesCellsASpreadsheetWouldRunAsFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvOutput.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvOutput.cell("+1"));
        assertEquals("'-2+3", CsvOutput.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvOutput.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvOutput.cell("\tx"));
        assertEquals("-5", CsvOutput.cell(-5L), "numbers stay numbers");
        assertEquals("a=b", CsvOutput.cell("a=b"), "only the first character counts");
    }
}
