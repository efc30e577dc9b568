package io.reelforge.djl;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
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

    /** An image-to-video reference's start image, rebuilt from its 8-bit RGB bytes ({@code image_size} wide and high). */
    static BufferedImage startImage(JsonNode ref, String name) throws IOException {
        int w = ref.get("image_size").get(0).asInt();
        int h = ref.get("image_size").get(1).asInt();
        byte[] rgb = Files.readAllBytes(reference(name, "image.rgb"));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int p = 0; p < w * h; p++) {
            image.setRGB(p % w, p / w, (rgb[3 * p] & 0xff) << 16 | (rgb[3 * p + 1] & 0xff) << 8 | (rgb[3 * p + 2] & 0xff));
        }
        return image;
    }
}
