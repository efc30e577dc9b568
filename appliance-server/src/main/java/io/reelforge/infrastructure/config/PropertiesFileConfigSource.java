package io.reelforge.infrastructure.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The administrator's properties file: {@code -Dreelforge.config-file} or {@code REELFORGE_CONFIG_FILE},
 * else {@code /etc/reelforge/reelforge.properties} when it exists. It ranks above the built-in defaults and
 * below environment variables and system properties, so one-off overrides still win.
 */
public class PropertiesFileConfigSource implements ConfigSource {

    static final Path SYSTEM_FILE = Path.of("/etc/reelforge/reelforge.properties");

    private final Map<String, String> values;
    private final String name;

    public PropertiesFileConfigSource() {
        Path file = locate();
        this.name = "reelforge-file:" + (file == null ? "none" : file);
        this.values = file == null ? Map.of() : load(file);
    }

    private static Path locate() {
        String explicit = System.getProperty("reelforge.config-file", System.getenv("REELFORGE_CONFIG_FILE"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return Files.isReadable(SYSTEM_FILE) ? SYSTEM_FILE : null;
    }

    private static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings file " + file, e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return Map.copyOf(m);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
