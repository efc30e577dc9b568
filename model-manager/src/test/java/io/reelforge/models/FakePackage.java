package io.reelforge.models;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A package of placeholder files with a Wan-shaped manifest: enough for verification, not for loading. */
final class FakePackage {

    private FakePackage() {
    }

    static void write(Path dir, String family) throws Exception {
        StringBuilder components = new StringBuilder();
        String[][] files = {{"tokenizer", "tokenizer.json"}, {"text_encoder", "text_encoder.pt"},
            {"denoiser", "denoiser.pt"}, {"vae_decoder", "vae_decoder.pt"}, {"vae_decoder_step", "vae_decoder_step.pt"}};
        for (String[] f : files) {
            byte[] bytes = ("placeholder " + f[1]).getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(f[1]), bytes);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            components.append(components.length() == 0 ? "" : ",")
                    .append("\"").append(f[0]).append("\":{\"file\":\"").append(f[1]).append("\",\"sha256\":\"")
                    .append(sha).append("\"}");
        }
        Files.writeString(dir.resolve("manifest.json"), """
                {"name":"fake","version":"1","family":"%s","components":{%s},
                 "native_sizes":[[832,480],[480,832]],"fps":16,"frames":{"multiple":4,"offset":1},
                 "latent":{"channels":16,"scale":1.0,"temporal_compression":4,"spatial_compression":8},
                 "defaults":{"steps":30,"guidance":5.0,"shift":3.0,"scheduler":"flow-euler"},"text_length":512}
                """.formatted(family, components));
    }
}
