package io.reelforge.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built bundle ({@code packaging/target/reelforge.jar}) started as a real process on a free port with its
 * own data folder, as an operator would run it. It can be stopped (SIGTERM), killed (SIGKILL) and started
 * again on the same data.
 */
public final class Appliance implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a start may take: minutes on a loaded 2-core machine. {@code -Dreelforge.it.boot-timeout=PT10M}. */
    /**
     * Whether the appliances run on the client compiler alone ({@code -XX:TieredStopAtLevel=1}), unlike the launchers:
     * a test appliance lives for minutes, and C2's compiles during start-up are most of what it would spend on them
     * (a boot took 29-34 s of CPU instead of 53-55 s, three 1080p renders 17.9 s instead of 24.2 s; measured on the
     * 2-core machine). {@code -Dreelforge.it.full-jit=true} runs them with the launchers' JIT.
     */
    private static final boolean QUICK_JIT = !Boolean.getBoolean("reelforge.it.full-jit");
    /**
     * Whether the appliances run on the launchers' G1 with its heap options rather than the serial collector: G1's
     * concurrent threads and barriers cost a test appliance (1 GB heap, minutes of life) CPU it does not need to give
     * memory back to other services (measured on the 2-core machine, see docs/testing.md).
     * {@code -Dreelforge.it.launcher-gc=true} runs them with the launchers' G1.
     */
    private static final boolean LAUNCHER_GC = Boolean.getBoolean("reelforge.it.launcher-gc");
    private static final Duration BOOT_TIMEOUT = Duration.parse(System.getProperty("reelforge.it.boot-timeout", "PT6M"));
    /**
     * The Payara Micro root the appliances start from, as an installed release's launcher starts (installer/common.sh,
     * rf_micro_root): Payara's runtime jars and {@code reelforge-launch.jar}, made by the build (src/dist/launcher.sh).
     * Each appliance runs in a root directory of its own ({@code micro/} in its data folder: domain, logs, the deployed
     * WAR) given with {@code --rootdir}, so they all start on the one class path that {@link AotCache} records.
     */
    static final Path LAUNCHER_ROOT = Path.of(System.getProperty("reelforge.launcher.root", "target/launch-jar/root"))
            .toAbsolutePath();
    private static final Path WAR = Path.of(System.getProperty("reelforge.war", "target/ROOT.war")).toAbsolutePath();

    private final String name;
    private final Path dataDir;
    private final Map<String, String> settings;
    private final String liveKey;
    private final int port;
    private Process process;
    private int starts;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> payaraArguments = new ArrayList<>();
    private boolean uberJar;
    /** The AOT cache this appliance records ({@link AotCache}'s training appliance), else null. */
    private Path aotCacheOutput;
    /** Whether its first start on embedded Derby creates the database, rather than starting on {@link SchemaTemplate}'s copy. */
    private boolean newDatabase;

    private Appliance(String name, Map<String, String> settings) throws IOException {
        this.name = name;
        Path work = Path.of(System.getProperty("reelforge.it.workdir", "target/it"));
        this.dataDir = Files.createDirectories(work.resolve(name + "-" + System.currentTimeMillis()));
        this.settings = new LinkedHashMap<>(settings);
        // A test may choose the demo key (several upstreams that one consumer reaches with one key).
        this.liveKey = settings.getOrDefault("demo.api-key", newLiveKey());
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    /** Starts an appliance with these settings (keys without the {@code reelforge.} prefix are given it). */
    public static Appliance start(String name, Map<String, String> settings) throws Exception {
        Appliance a = new Appliance(name, settings);
        a.boot();
        return a;
    }

    /** An appliance set up but not started: {@link #boot()} starts it. */
    public static Appliance create(String name, Map<String, String> settings) throws IOException {
        return new Appliance(name, settings);
    }

    /**
     * Starts from the uber jar instead ({@code java -jar reelforge.jar}, as {@code make run} does, Payara Micro unpacking
     * itself into a temporary root at every start) rather than from the launcher root; no AOT cache.
     */
    public Appliance uberJar() {
        return uberJar(true);
    }

    /** From the uber jar (true) or the launcher root (false, the default) at the next {@link #boot()}. */
    public Appliance uberJar(boolean fromUberJar) {
        this.uberJar = fromUberJar;
        return this;
    }

    /**
     * Its first start creates its Derby database and runs every migration, as an installed appliance's first start
     * does, instead of starting on a copy of {@link SchemaTemplate}'s.
     */
    public Appliance newDatabase() {
        this.newDatabase = true;
        return this;
    }

    /** Records the classes its starts load into an AOT cache, written at {@code cache} as its JVM ends. */
    Appliance recordAotCache(Path cache) {
        this.aotCacheOutput = cache;
        return this;
    }

    /** Waits for the process to end by itself and answers its exit status, or -1 if it still runs after {@code limit}. */
    public int awaitExitStatus(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** A fresh key in the demo live key's format, for {@code demo.api-key}. */
    static String newLiveKey() {
        return "rf_live_" + b64(9) + b64(32);
    }

    /** JVM options (before {@code -jar}) and Payara Micro arguments (after it) for the next {@link #boot()}. */
    public void launchOptions(List<String> jvm, List<String> payara) {
        jvmOptions.addAll(jvm);
        payaraArguments.addAll(payara);
    }

    private static String b64(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public void boot() throws Exception {
        String jar = System.getProperty("reelforge.jar", "target/reelforge.jar");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "--enable-native-access=ALL-UNNAMED", // as the launchers give it (installer/common.sh rf_jdk_opts)
                "-Dreelforge.data-dir=" + dataDir,
                // never an installed /etc/reelforge/reelforge.properties: it would point a test at another database
                "-Dreelforge.config-file=/dev/null",
                "-Dreelforge.demo.api-key=" + liveKey,
                "-Dreelforge.public-url=" + baseUrl(),
                "-Dderby.stream.error.file=" + dataDir.resolve("derby.log"),
                "-Dorg.bytedeco.javacpp.cachedir=" + dataDir.getParent().resolve("javacpp-cache")));
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow"); // as rf_jdk_opts: Hazelcast's Unsafe reads, no warning
        }
        if (QUICK_JIT) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        if (LAUNCHER_GC) {
            // the launchers' heap options (installer/common.sh rf_memory_opts)
            cmd.addAll(List.of("-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=10000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        } else {
            cmd.add("-XX:+UseSerialGC");
        }
        settings.forEach((k, v) -> cmd.add("-D" + (k.startsWith("reelforge.") ? k : "reelforge." + k) + "=" + v));
        cmd.addAll(jvmOptions);
        if (uberJar) {
            cmd.addAll(List.of("-jar", jar, "--port", String.valueOf(port)));
        } else {
            if (aotCacheOutput != null) {
                cmd.addAll(List.of("-XX:AOTCacheOutput=" + aotCacheOutput, "-Xlog:aot=error"));
            } else {
                cmd.addAll(AotCache.options());
            }
            cmd.addAll(List.of("-jar", LAUNCHER_ROOT.resolve("reelforge-launch.jar").toString(),
                    "--deploy", WAR.toString(), "--contextroot", "/", "--rootdir", microRoot().toString(),
                    "--port", String.valueOf(port)));
        }
        cmd.addAll(payaraArguments);
        cmd.addAll(List.of("--nocluster", "--disablephonehome"));
        if (starts == 0 && !newDatabase && !hasSetting("db.url") && !hasSetting("data-dir") && Files.notExists(dataDir.resolve("db"))) {
            SchemaTemplate.copyInto(dataDir);
        }
        Path log = dataDir.resolve("appliance-" + (++starts) + ".log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        // No request before the appliance says it is ready: API requests that reach Payara Micro 7 while it is still
        // deploying the application have, now and then, left the listener answering nothing afterwards (seen three
        // times in a suite of about forty boots: "ready" in the log, then no request served). BootIT probes during
        // boot on purpose; the other tests wait for the line an operator waits for.
        while (Instant.now().isBefore(deadline) && process.isAlive()
                && !new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Reelforge is ready at")) {
            Thread.sleep(250);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start-up:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/account"))
                        .header("Authorization", "Bearer " + liveKey).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        // Not left running: a stray appliance would slow every later boot on a shared machine.
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(name + " did not become ready in " + BOOT_TIMEOUT.toSeconds() + " s:\n" + Files.readString(log));
    }

    /**
     * This appliance's Payara Micro root, made afresh for each start from the launcher root's first state, as
     * rf_micro_root does (Payara records an application deployed from the command line in its domain.xml and would
     * deploy it twice at the next start): its config, lib (the JDBC resource adapters) and docroot; the runtime jars
     * stay in the launcher root, on the class path.
     */
    private Path microRoot() throws IOException {
        Path root = dataDir.resolve("micro");
        Trees.delete(root);
        for (String part : List.of("config", "lib", "docroot")) {
            Trees.copy(LAUNCHER_ROOT.resolve(part), root.resolve(part));
        }
        return root;
    }

    private boolean hasSetting(String key) {
        return settings.containsKey(key) || settings.containsKey("reelforge." + key);
    }

    /** Changes a setting (key without the {@code reelforge.} prefix) for the next {@link #boot()}. */
    public void set(String key, String value) {
        settings.put(key, value);
    }

    /** SIGKILL: no shutdown hooks, no clean Derby stop, as in a power cut or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM without waiting: the appliance drains (see {@link #awaitExit}). */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end after {@link #terminate}; false if it is still running after {@code limit}. */
    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** SIGTERM and wait, as systemd stops it. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String liveKey() {
        return liveKey;
    }

    /** The test key, read from the first start's banner (the only place it is ever shown). */
    public String testKey() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("test API key : (rf_test_[A-Za-z0-9_-]{55})")
                .matcher(Files.readString(dataDir.resolve("appliance-1.log")));
        if (!m.find()) {
            throw new AssertionError("no test key in the first start's banner");
        }
        return m.group(1);
    }

    /** The first console admin's password, printed once in the first start's banner. */
    public String firstAdminPassword() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("password {5}: (\\S+)").matcher(log());
        if (!m.find()) {
            throw new AssertionError("no first-admin banner in the log");
        }
        return m.group(1);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The running appliance's process id. */
    public long pid() {
        return process.pid();
    }

    /** The host CLI's way in to {@code /ops}: the token this start wrote, sent from loopback like the CLI does. */
    public Api ops() throws IOException {
        return api().withKey(Files.readString(dataDir.resolve("run").resolve("ops.token")).trim());
    }

    public String log() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            sb.append(Files.readString(dataDir.resolve("appliance-" + i + ".log")));
        }
        return sb.toString();
    }

    public Api api() {
        return new Api(baseUrl(), liveKey);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
