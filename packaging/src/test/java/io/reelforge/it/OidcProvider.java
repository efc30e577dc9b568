package io.reelforge.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real OpenID Connect provider: the npm {@code oidc-provider} package (pinned in src/test/node/package.json and
 * its lock, installed by the build with {@code npm ci}) run by node from src/test/node/oidc-provider.mjs on a free
 * port, with the console as its one client (PKCE required) and users whose ID tokens carry a groups claim.
 */
final class OidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "reelforge-console";

    private final int port;
    private Process process;

    private OidcProvider(int port) {
        this.port = port;
    }

    /** Reserves the port: the appliance must know the issuer before the provider knows the appliance's address. */
    static OidcProvider reserve() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return new OidcProvider(s.getLocalPort());
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + port;
    }

    void start(String consoleUrl, String clientSecret) throws Exception {
        Path dir = Path.of(System.getProperty("reelforge.it.node", "target/openai-node"));
        Path log = Files.createTempFile("oidc-provider", ".log");
        process = new ProcessBuilder(List.of("node", "oidc-provider.mjs", Integer.toString(port),
                consoleUrl + "/oidc/callback", consoleUrl + "/login", clientSecret))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains("listening on " + port)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("oidc-provider did not start: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
