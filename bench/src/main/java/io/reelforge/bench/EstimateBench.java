package io.reelforge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How honest {@code estimated_seconds} is under steady load, against a running appliance: keeps {@code inFlight}
 * clips queued or rendering for {@code minutes}, alternating 720p and 1080p, and polls each one every second.
 * Every estimate read (at submission, while queued, while rendering) is scored once the clip completes as
 * |estimate - actual| / actual, where actual is the time from that read to completion. Prints the median and
 * 90th percentile of the error at submission and while rendering (the goal: a median of 0.25 or less).
 *
 * <p>The baseline, measured in the same run so that the machine's load weighs on both alike: first one clip of
 * each size rendered alone, then, under load, the error the time measured alone would have had as the estimate at
 * submission (what an estimator blind to concurrency says). Prints the ratio of the appliance's error to it, the
 * machine's CPUs and its load average before and after (a loaded machine slows every render; say so with the
 * figures).
 *
 * <pre>java -cp bench/target/classes io.reelforge.bench.EstimateBench http://localhost:8080 rf_test_… 5 4</pre>
 */
public final class EstimateBench {

    private static final Pattern ID = Pattern.compile("\"generation_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern ESTIMATE = Pattern.compile("\"estimated_seconds\"\\s*:\\s*(\\d+)");

    /** One estimate read: when (ms since the bench began), the state then, and the estimate in seconds. */
    private record Read(long atMs, String status, long estimateSeconds) {
    }

    private EstimateBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EstimateBench <base-url> <api-key> [minutes=5] [in-flight=4]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String key = args[1];
        long minutes = args.length > 2 ? Long.parseLong(args[2]) : 5;
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String loadBefore = loadAverage();
        Map<String, Double> alone = new HashMap<>();
        for (String res : List.of("720p", "1080p")) {
            alone.put(res, renderAlone(http, base, key, res));
            System.out.printf("baseline: one %s clip alone took %.1f s%n", res, alone.get(res));
        }
        List<Double> baseline = new ArrayList<>();
        long t0 = System.nanoTime();
        long end = t0 + Duration.ofMinutes(minutes).toNanos();
        Map<String, List<Read>> open = new HashMap<>();
        List<Double> atSubmit = new ArrayList<>();
        List<Double> queued = new ArrayList<>();
        List<Double> rendering = new ArrayList<>();
        int submitted = 0;
        int completed = 0;
        while (System.nanoTime() < end || !open.isEmpty()) {
            while (System.nanoTime() < end && open.size() < inFlight) {
                String res = submitted++ % 2 == 0 ? "720p" : "1080p";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/video/generate"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"waves on a rocky shore at dusk\", "
                                + "\"resolution\": \"" + res + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    System.err.println("submission refused: " + r.statusCode() + " " + r.body());
                    Thread.sleep(1000);
                    break;
                }
                List<Read> reads = new ArrayList<>();
                reads.add(new Read(ms(t0), "submitted", number(ESTIMATE, r.body())));
                // the baseline's estimate for the same read: the time one clip of this size took alone
                reads.add(new Read(ms(t0), "baseline", Math.round(alone.get(res))));
                open.put(text(ID, r.body()), reads);
            }
            Thread.sleep(1000);
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/video/" + e.getKey()))
                        .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
                String status = text(STATUS, r.body());
                long now = ms(t0);
                if ("completed".equals(status)) {
                    for (Read read : e.getValue()) {
                        double actual = (now - read.atMs()) / 1000.0;
                        if (actual >= 1.0) {
                            double error = Math.abs(read.estimateSeconds() - actual) / actual;
                            (switch (read.status()) {
                                case "submitted" -> atSubmit;
                                case "baseline" -> baseline;
                                case "queued" -> queued;
                                default -> rendering;
                            }).add(error);
                        }
                    }
                    completed++;
                    it.remove();
                } else if ("queued".equals(status) || "processing".equals(status)) {
                    e.getValue().add(new Read(now, status, number(ESTIMATE, r.body())));
                } else {
                    System.err.println(e.getKey() + " ended " + status);
                    it.remove();
                }
            }
        }
        System.out.printf("clips completed: %d, in flight: %d, minutes: %d%n", completed, inFlight, minutes);
        print("at submission", atSubmit);
        print("while queued", queued);
        print("while rendering", rendering);
        print("baseline", baseline);
        if (!atSubmit.isEmpty() && !baseline.isEmpty()) {
            System.out.printf("ratio at submission / baseline (time alone as the estimate): %.2f%n",
                    median(atSubmit) / Math.max(1e-9, median(baseline)));
        }
        System.out.printf("machine: %d CPUs, load average before %s, after %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
    }

    /** Seconds from submission to completion of one clip with nothing else submitted by the bench. */
    private static double renderAlone(HttpClient http, String base, String key, String res) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/video/generate"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"waves on a rocky shore at dusk\", "
                        + "\"resolution\": \"" + res + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("submission refused: " + r.statusCode() + " " + r.body());
        }
        String id = text(ID, r.body());
        while (true) {
            Thread.sleep(250);
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/video/" + id))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
            String status = text(STATUS, body);
            if ("completed".equals(status)) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (!"queued".equals(status) && !"processing".equals(status)) {
                throw new IllegalStateException(id + " ended " + status);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void print(String what, List<Double> errors) {
        if (errors.isEmpty()) {
            System.out.printf("%-16s no reads%n", what);
            return;
        }
        Collections.sort(errors);
        System.out.printf("%-16s median |estimate - actual| / actual = %.3f, p90 = %.3f (%d reads)%n", what,
                errors.get(errors.size() / 2), errors.get((int) Math.min(errors.size() - 1, Math.round(errors.size() * 0.9))),
                errors.size());
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String text(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    private static long number(Pattern p, String body) {
        return Long.parseLong(text(p, body));
    }
}
