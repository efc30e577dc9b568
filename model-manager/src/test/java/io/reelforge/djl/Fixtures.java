package io.reelforge.djl;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import io.reelforge.fixtures.TinyFixtures;

/**
 * The tiny packages export/make_tiny_fixtures.py builds during generate-test-resources. Without
 * python3-torch there are none, and the tests that need them fail with that reason.
 */
final class Fixtures {

    private Fixtures() {
    }

    static Path pkg(String name) {
        return TinyFixtures.pkg(name);
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

    /** A copy of package {@code name} in {@code into} whose manifest says {@code version}. */
    static Path copy(String name, Path into, String version) throws IOException {
        return TinyFixtures.copy(name, into, version);
    }

    static PackageEngine engine(String name) {
        return new PackageEngine(pkg(name), Device.cpu());
    }
}
