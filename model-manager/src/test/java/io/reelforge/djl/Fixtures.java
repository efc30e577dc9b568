package io.reelforge.djl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The tiny packages export/make_tiny_fixtures.py builds during generate-test-resources. Without
 * python3-torch there are none, and the tests that need them skip with that reason.
 */
final class Fixtures {

    static final Path DIR = Path.of(System.getProperty("reelforge.fixtures", "target/fixtures"));

    private Fixtures() {
    }

    static Path pkg(String name) {
        Path dir = DIR.resolve(name);
        boolean present = Files.isRegularFile(dir.resolve("manifest.json"));
        if (!present) {
            // surefire shows skips as counts only; the log line says why
            System.err.println("[skip] " + missing());
        }
        assumeTrue(present, Fixtures::missing);
        return dir;
    }

    static JsonNode reference(String name) throws IOException {
        return new ObjectMapper().readTree(reference(name, "reference.json").toFile());
    }

    static Path reference(String name, String file) {
        return pkg(name).resolveSibling(name + "-reference").resolve(file);
    }

    static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    /**
     * A copy of package {@code name} in {@code into} whose manifest says {@code version}: the checksums cover
     * the components only, so the copy verifies as another version of the same model.
     */
    static Path copy(String name, Path into, String version) throws IOException {
        Path source = pkg(name);
        Path target = into.resolve(name + "-" + version);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        Path manifest = target.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"version\": \"[^\"]*\"",
                "\"version\": \"" + version + "\""));
        return target;
    }

    static PackageEngine engine(String name) {
        return new PackageEngine(pkg(name), Device.cpu());
    }

    private static String missing() {
        return "tiny model fixtures are missing in " + DIR + ": " + skipReason();
    }

    private static String skipReason() {
        try {
            return Files.readString(DIR.resolve("SKIPPED")).strip();
        } catch (IOException e) {
            return "export/make_tiny_fixtures.py did not run (scripts/test-deps.sh installs python3-torch)";
        }
    }
}
