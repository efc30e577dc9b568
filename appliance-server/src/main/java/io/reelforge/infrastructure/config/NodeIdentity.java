package io.reelforge.infrastructure.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.ThisNode;

/**
 * Who this appliance is among the nodes sharing a database, and which build it runs. The id is
 * {@code reelforge.node-id} when set, else the one kept in {@code <data-dir>/node-id}, made on the first start
 * from the host name and a random suffix: stable across restarts, distinct for two appliances on one host.
 */
@ApplicationScoped
public class NodeIdentity implements ThisNode {

    /**
     * The schema level this build understands. A change set labelled {@code min-node-level-N} with N above it
     * means the database was migrated by a build this one cannot work with (see SchemaMigrations). Level 2: the
     * balance on the account row (0015), which a node that does not move it would leave behind its ledger.
     */
    public static final int SCHEMA_LEVEL = 2;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Inject
    Settings settings;

    private String id;

    @PostConstruct
    void resolve() {
        id = settings.nodeIdSetting().orElseGet(this::kept);
        if (!VALID.matcher(id).matches()) {
            throw new IllegalStateException("reelforge.node-id must be 1 to 100 letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit, not '" + id + "'");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String buildVersion() {
        return version();
    }

    /** The appliance's version, as built ({@code reelforge-version.properties}). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = NodeIdentity.class.getResourceAsStream("/reelforge-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    private String kept() {
        Path file = settings.dataDir().resolve("node-id");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] suffix = new byte[3];
            new SecureRandom().nextBytes(suffix);
            String made = host() + "-" + HexFormat.of().formatHex(suffix);
            Files.createDirectories(file.getParent());
            Files.writeString(file, made + "\n", StandardCharsets.UTF_8);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file, e);
        }
    }

    private static String host() {
        String h;
        try {
            h = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            h = "node";
        }
        h = h.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return h.isEmpty() ? "node" : h.substring(0, Math.min(h.length(), 90));
    }
}
