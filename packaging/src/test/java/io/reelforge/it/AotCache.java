package io.reelforge.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The AOT cache the black-box tests' appliances start with (JDK 25: the classes a start loads, kept loaded and
 * linked), as an installed appliance starts with its own (installer/common.sh, rf_aot_opts): a start from the cache
 * took 13-14 s of CPU instead of 20-22 s from the uber jar on the 2-core machine, and a run boots some forty
 * appliances. The first appliance that asks for it sets a training appliance going beside it (a start, one clip, a
 * stop: the JVM writes the cache as it ends, as an installed release's first run does); appliances that start before
 * the cache is there start without it. The training appliance is one of its own, not a test's: ending a recording
 * while the JVM keeps running ({@code jcmd AOT.end_recording}) stopped it for 10 s at a safepoint, which would land
 * in some test's request. The cache lies beside the launcher root, which the build makes afresh, so a cache never
 * outlives the runtime jars it was recorded on (one recorded on other jars would be refused by the JVM with an
 * {@code [error][aot]} line). {@code -Dreelforge.it.aot=false} starts every appliance without one.
 */
final class AotCache {

    private static final boolean ON = Boolean.parseBoolean(System.getProperty("reelforge.it.aot", "true"));
    private static final Path CACHE = Appliance.LAUNCHER_ROOT.resolveSibling("reelforge-it.aot");
    private static Thread trainer;

    private AotCache() {
    }

    /** The JVM options that start an appliance from the cache, none while it is not there yet. */
    static synchronized List<String> options() {
        if (!ON) {
            return List.of();
        }
        if (Files.isRegularFile(CACHE)) {
            return List.of("-XX:AOTCache=" + CACHE, "-Xlog:aot=error");
        }
        if (trainer == null) {
            trainer = Thread.ofPlatform().daemon().name("aot-cache-training").start(AotCache::train);
        }
        return List.of();
    }

    /** A start, a clip, a stop; the cache is moved into place only once the JVM that wrote it ended well. */
    private static void train() {
        Path recorded = CACHE.resolveSibling(CACHE.getFileName() + ".recording");
        Appliance a = null;
        try {
            Files.deleteIfExists(recorded);
            a = Appliance.create("aot-training", Map.of()).newDatabase().recordAotCache(recorded);
            Appliance started = a;
            Thread stopAtExit = new Thread(() -> {
                try {
                    started.terminate();
                } catch (RuntimeException notStarted) {
                    // no process yet
                }
            });
            Runtime.getRuntime().addShutdownHook(stopAtExit);
            a.boot();
            // one clip rendered and encoded, so that what a render loads is in the cache too
            Api.Resp clip = a.api().generate(Map.of("prompt", "AOT cache training", "resolution", "720p"));
            if (clip.status() != 202) {
                throw new IllegalStateException("the training appliance refused its clip: " + clip.status());
            }
            String status = a.api().await(clip.json().path("generation_id").asText(), Duration.ofMinutes(3))
                    .path("status").asText();
            if (!"completed".equals(status)) {
                throw new IllegalStateException("the training clip ended " + status);
            }
            a.terminate();
            int exit = a.awaitExitStatus(Duration.ofMinutes(5));
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
            // 143: ended by the SIGTERM, after its shutdown hooks and the cache's writing
            if ((exit != 0 && exit != 143) || !Files.isRegularFile(recorded) || Files.size(recorded) == 0) {
                throw new IllegalStateException("the training appliance ended with status " + exit + " and "
                        + (Files.isRegularFile(recorded) ? Files.size(recorded) + " bytes" : "no cache"));
            }
            Files.move(recorded, CACHE, StandardCopyOption.ATOMIC_MOVE);
            System.err.println("[it] AOT cache recorded: " + CACHE + " (" + Files.size(CACHE) / (1 << 20) + " MiB)");
        } catch (Exception e) {
            // The appliances then start without it: slower, no less tested.
            System.err.println("[it] no AOT cache: " + e.getMessage());
            if (a != null) {
                try {
                    a.stop();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
