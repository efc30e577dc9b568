package io.reelforge.infrastructure.metrics;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import io.reelforge.application.console.DeviceProbe;

/**
 * This machine's devices: every GPU {@code nvidia-smi} lists (name, memory, utilisation), or, without it or
 * when it fails, the CPU (model, physical memory, load) from the JVM's operating-system bean. A result is kept
 * for two seconds, so several dashboards polling at once start one {@code nvidia-smi} between them.
 */
@ApplicationScoped
public class HostDevices implements DeviceProbe {

    private static final Logger LOG = Logger.getLogger(HostDevices.class.getName());
    private static final Duration FRESH = Duration.ofSeconds(2);
    private static final String[] QUERY = {"--query-gpu=name,memory.used,memory.total,utilization.gpu",
        "--format=csv,noheader,nounits"};
    private static final long MIB = 1L << 20;

    private List<Device> last = List.of();
    private long lastAtNanos;
    private boolean warned;

    @Override
    public synchronized List<Device> devices() {
        if (last.isEmpty() || System.nanoTime() - lastAtNanos > FRESH.toNanos()) {
            last = gpus().filter(g -> !g.isEmpty()).orElseGet(() -> List.of(cpu()));
            lastAtNanos = System.nanoTime();
        }
        return last;
    }

    private Optional<List<Device>> gpus() {
        Optional<Path> smi = onPath("nvidia-smi");
        if (smi.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>(List.of(smi.get().toString()));
        cmd.addAll(List.of(QUERY));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(parse(out)) : Optional.empty();
        } catch (IOException e) {
            warnOnce(e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Lines of {@code name, memory.used, memory.total, utilization.gpu} (MiB and percent, no units); a figure a
     * GPU does not report ({@code [N/A]}, {@code [Not Supported]}) is -1. Lines that are not four fields are skipped.
     */
    static List<Device> parse(String csv) {
        List<Device> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] f = line.split(",");
            if (f.length != 4) {
                continue;
            }
            long used = number(f[1]);
            long total = number(f[2]);
            gpus.add(new Device("gpu", f[0].trim(), used < 0 ? -1 : used * MIB, total < 0 ? -1 : total * MIB,
                    (int) number(f[3])));
        }
        return gpus;
    }

    private static long number(String field) {
        try {
            return Math.round(Double.parseDouble(field.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Device cpu() {
        int cores = Runtime.getRuntime().availableProcessors();
        String name = cpuModel().map(m -> m + " (" + cores + " cores)").orElse("CPU (" + cores + " cores)");
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            double load = os.getCpuLoad();
            return new Device("cpu", name, total - os.getFreeMemorySize(), total, load < 0 ? -1 : (int) Math.round(load * 100));
        }
        return new Device("cpu", name, -1, -1, -1);
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private void warnOnce(IOException e) {
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, "nvidia-smi could not be run; the dashboard shows the CPU", e);
        }
    }
}
