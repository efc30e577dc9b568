package io.reelforge.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelforge.sdk.Reelforge;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S17: examples/Snippet.java (the reference page's flow, in Java) runs as its own process with Java's
 * single-file source launcher, against the installed jar, in an empty folder, and leaves output.mp4.
 */
class SnippetTest {
    @Test
    @DisplayName("S17 the reference page's snippet")
    void s17Snippet(@TempDir Path tmp) throws Exception {
        Path sdk = Path.of(System.getProperty("reelforge.sdk.dir"));
        String key = Support.env("REELFORGE_API_KEY");
        Support.env("REELFORGE_BASE_URL");
        String src = Files.readString(sdk.resolve("examples/Snippet.java"));
        String readme = Files.readString(sdk.resolve("README.md"));
        for (String line : src.split("\n")) {
            assertTrue(line.isBlank() || readme.contains(line), () -> "README.md lacks the snippet line: " + line);
        }
        assertTrue(src.contains("\"YOUR_API_KEY\""));
        Path srcDir = Files.createDirectories(tmp.resolve("src"));
        Path file = Files.writeString(srcDir.resolve("Snippet.java"), src.replace("\"YOUR_API_KEY\"", "\"" + key + "\""));
        Path work = Files.createDirectories(tmp.resolve("work"));
        // the installed jar (from the local Maven repository) and Jackson, its one dependency
        String cp = Stream.of(Reelforge.class, ObjectMapper.class, JsonFactory.class, JsonInclude.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).distinct().collect(Collectors.joining(File.pathSeparator));
        assertTrue(cp.contains(Path.of(".m2", "repository", "io", "reelforge", "reelforge-java").toString()), cp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", cp, file.toString())).directory(work.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the snippet did not end");
        assertEquals(0, p.exitValue(), out);
        Support.assertValidMp4(work.resolve("output.mp4"), 1920, 1080);
    }
}
