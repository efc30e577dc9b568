package io.reelforge.infrastructure.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One record, one line: {@code json} ({"ts":..,"level":..,"logger":..,"msg":..,"request_id":..}) or
 * {@code kv} (ts=.. level=.. logger=.. request_id=.. msg="..."). The context ids are taken when the record is
 * published, on the thread that logged (see {@link StructuredHandler}).
 */
final class StructuredFormatter extends Formatter {

    private final boolean json;

    StructuredFormatter(boolean json) {
        this.json = json;
    }

    @Override
    public String format(LogRecord record) {
        return format(record, LogContext.snapshot());
    }

    String format(LogRecord record, Map<String, String> context) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ts", Instant.ofEpochMilli(record.getMillis()).toString());
        fields.put("level", record.getLevel().getName().toLowerCase(Locale.ROOT));
        fields.put("logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        fields.put("thread", Thread.currentThread().getName());
        fields.putAll(context);
        fields.put("msg", Redactor.mask(formatMessage(record)));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            fields.put("error", Redactor.mask(trace.toString().stripTrailing()));
        }
        return (json ? json(fields) : keyValue(fields)) + System.lineSeparator();
    }

    private static String json(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(k).append("\":\"");
            escape(v, sb, true);
            sb.append('"');
        });
        return sb.append('}').toString();
    }

    private static String keyValue(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(k).append('=');
            if (!v.isEmpty() && v.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '=' || c == '\\')) {
                sb.append(v);
            } else {
                sb.append('"');
                escape(v, sb, false);
                sb.append('"');
            }
        });
        return sb.toString();
    }

    private static void escape(String v, StringBuilder sb, boolean json) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(json ? String.format("\\u%04x", (int) c) : " ");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
