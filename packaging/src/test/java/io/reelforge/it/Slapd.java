package io.reelforge.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real OpenLDAP server (Debian's {@code slapd}, installed by scripts/test-deps.sh) of the test's own: its own
 * slapd.conf, database folder and seeded LDIF under the IT work folder, on a free loopback port. Nothing of the
 * machine's own LDAP configuration is read or changed.
 */
final class Slapd implements AutoCloseable {

    static final String SUFFIX = "dc=example,dc=org";
    static final String SLAPD = "/usr/sbin/slapd";
    static final String SLAPADD = "/usr/sbin/slapadd";

    private final Path dir;
    private final int port;
    private Process process;

    private Slapd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Seeds a fresh database from {@code ldif} (entries under {@link #SUFFIX}) and starts the server. */
    static Slapd start(String name, String managerPassword, String ldif) throws Exception {
        if (!Files.isExecutable(Path.of(SLAPD)) || !Files.isExecutable(Path.of(SLAPADD))) {
            throw new IllegalStateException("the directory tests need Debian's slapd: run scripts/test-deps.sh");
        }
        Path dir = Files.createDirectories(Path.of(System.getProperty("reelforge.it.workdir", "target/it"))
                .toAbsolutePath().resolve("slapd-" + name + "-" + System.nanoTime()));
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("slapd.conf"), String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir.resolve("slapd.pid"),
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"cn=manager," + SUFFIX + "\"",
                "rootpw " + managerPassword,
                "directory " + dir.resolve("db"),
                // passwords are only ever compared by a bind; signed-in users read the tree
                "access to attrs=userPassword by anonymous auth by self write by * none",
                "access to * by users read by * none", ""));
        Files.writeString(dir.resolve("seed.ldif"), ldif);
        run(List.of(SLAPADD, "-f", dir.resolve("slapd.conf").toString(), "-l", dir.resolve("seed.ldif").toString()), dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Slapd slapd = new Slapd(dir, port);
        slapd.launch();
        return slapd;
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** Starts the server (again, after {@link #stop()}) and waits until it takes connections. */
    void launch() throws Exception {
        process = new ProcessBuilder(SLAPD, "-f", dir.resolve("slapd.conf").toString(), "-h", url() + "/", "-d", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd ended: " + Files.readString(dir.resolve("slapd.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("slapd did not listen on " + port);
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("slapadd.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(dir.resolve("slapadd.log")));
        }
    }
}
