package io.reelforge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.fixtures.TinyFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {

    @TempDir
    Path dir;

    @Test
    void aCompletePackageOpensWithItsManifest() throws Exception {
        FakePackage.write(dir, "wan2.1-t2v-1.3b");
        ModelPackage pkg = ModelPackage.open(dir);
        Manifest m = pkg.manifest();
        assertEquals("fake", m.name());
        assertEquals(ModelFamily.WAN21_T2V_1_3B, m.family());
        assertEquals(new FrameRule(4, 1), m.frameRule());
        assertEquals(16, m.latent().channels());
        assertEquals(dir.resolve("denoiser.pt"), pkg.path(Component.DENOISER));
    }

    @Test
    void aCorruptComponentIsRefusedWithItsChecksum() throws Exception {
        FakePackage.write(dir, "wan2.1-t2v-1.3b");
        Files.writeString(dir.resolve("denoiser.pt"), "tampered");
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains("denoiser") && e.getMessage().contains("sha256"), e.getMessage());
    }

    @Test
    void aMissingComponentIsRefusedByName() throws Exception {
        FakePackage.write(dir, "wan2.1-t2v-1.3b");
        Files.delete(dir.resolve("vae_decoder.pt"));
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains("vae_decoder is missing"), e.getMessage());
    }

    @Test
    void aWanPackageWithoutTheChunkedDecoderIsRefusedWithWhy() throws Exception {
        FakePackage.write(dir, "wan2.1-t2v-1.3b");
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceAll(",\"vae_decoder_step\":\\{[^}]*}", ""));
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains("lists no 'vae_decoder_step' component: this family's causal VAE must be"
                + " exported chunked"), e.getMessage());
    }

    @Test
    void anUnknownFamilyIsRefusedWithTheKnownOnes() throws Exception {
        FakePackage.write(dir, "sora-9");
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains("unknown model family 'sora-9'"), e.getMessage());
        assertTrue(e.getMessage().contains("ltx-video"), e.getMessage());
    }

    @Test
    void aManifestContradictingItsFamilyIsRefused() throws Exception {
        FakePackage.write(dir, "ltx-video");
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains("frame rule 4k+1 but LTX-Video has 8k+1"), e.getMessage());
    }

    @Test
    void anImageToVideoPackageNeedsItsImageEncoder() throws Exception {
        FakePackage.write(dir, "wan2.1-i2v-14b");
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains("'image_encoder'"), e.getMessage());
    }

    @Test
    void theSchedulerIsTheManifestsOrElseTheFamilys() throws Exception {
        FakePackage.write(dir, "wan2.1-t2v-1.3b");
        assertEquals(Scheduler.FLOW_EULER, ModelPackage.open(dir).manifest().defaults().scheduler());
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(",\"scheduler\":\"flow-euler\"", ""));
        assertEquals(Scheduler.FLOW_DPMPP_2M, ModelPackage.open(dir).manifest().defaults().scheduler(),
                "Wan samples with DPM-Solver++ unless its manifest says otherwise");
        assertEquals(Scheduler.FLOW_EULER, ModelFamily.LTX_VIDEO.defaults().scheduler());
    }

    @Test
    void anUnknownSchedulerIsRefusedWithTheKnownOnes() throws Exception {
        FakePackage.write(dir, "wan2.1-t2v-1.3b");
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("flow-euler", "ddim"));
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains("scheduler 'ddim' is not supported; known: flow-euler, flow-dpmpp-2m, flow-dmd, flow-euler-stochastic"),
                e.getMessage());
    }

    /** A distilled model's manifest: an explicit schedule sets the step count; one that rises is refused. */
    @Test
    void anExplicitScheduleAndShiftTerminalAreRead() throws Exception {
        FakePackage.write(dir, "wan2.1-t2v-1.3b");
        Path manifest = dir.resolve("manifest.json");
        String plain = Files.readString(manifest);
        Files.writeString(manifest, plain.replace("\"steps\":30,\"guidance\":5.0,\"shift\":3.0",
                "\"guidance\":1.0,\"shift\":5.0,\"sigmas\":[1.0,0.75,0.5,0.25],\"shift_terminal\":0.1"));
        SamplerDefaults d = ModelPackage.open(dir).manifest().defaults();
        assertEquals(4, d.steps());
        assertEquals(java.util.List.of(1.0, 0.75, 0.5, 0.25), d.sigmas());
        assertEquals(0.1, d.shiftTerminal());
        assertEquals(1.0, d.guidance());
        Files.writeString(manifest, plain.replace("\"steps\":30,", "\"sigmas\":[0.5,0.75],"));
        assertRefused("sigmas must decrease strictly within (0, 1]");
    }

    /** FastWan: flow-dmd reads its timesteps as sigmas; without them, or with guidance, the package is refused. */
    @Test
    void aDmdScheduleIsReadAndOneWithGuidanceRefused() throws Exception {
        String plain = fake("wan2.1-t2v-1.3b");
        rewrite(plain.replace("\"steps\":30,\"guidance\":5.0,\"shift\":3.0,\"scheduler\":\"flow-euler\"",
                "\"guidance\":1.0,\"shift\":8.0,\"scheduler\":\"flow-dmd\",\"sigmas\":[1.0,0.757,0.522]"));
        SamplerDefaults d = ModelPackage.open(dir).manifest().defaults();
        assertEquals(Scheduler.FLOW_DMD, d.scheduler());
        assertEquals(3, d.steps());
        rewrite(plain.replace("\"scheduler\":\"flow-euler\"",
                "\"scheduler\":\"flow-dmd\",\"sigmas\":[1.0,0.757,0.522]").replace("\"steps\":30,", ""));
        assertRefused("flow-dmd needs its timesteps as sigmas (e.g. 1, 0.757, 0.522) and guidance 1");
    }

    /** LTX-Video 0.9.7/0.9.8 distilled's two-pass pipeline: refused, naming what is supported. */
    @Test
    void aMultiScalePackageIsRefusedWithWhatIsSupported() throws Exception {
        String plain = fake("ltx-video-distilled");
        rewrite(plain.replace("\"components\":{",
                "\"components\":{\"latent_upsampler\":{\"file\":\"latent_upsampler.pt\",\"sha256\":\"00\"},"));
        assertRefused("a two-pass multi-scale pipeline (latent_upsampler, second_pass: LTX-Video"
                + " 0.9.7/0.9.8 distilled as Lightricks runs it) is not supported; this engine samples one pass");
        rewrite(plain.replace("\"components\":{", "\"second_pass\":{\"sigmas\":[0.9094,0.725,0.4219]},"
                + "\"components\":{"));
        assertRefused("ltx-video-distilled (8 steps, guidance 1");
    }

    /** LTX's decode noise and timestep: read for LTX, refused for Wan's chunked decoder and out of [0, 1]. */
    @Test
    void decodeNoiseIsLtxsAndWithinRange() throws Exception {
        Path ltxDir = TinyFixtures.copy("tiny-ltx-distilled", dir.resolve("ltx"), "1");
        assertEquals(new DecodeNoise(0.05, 0.025), ModelPackage.open(ltxDir).manifest().decode());
        String ltx = Files.readString(ltxDir.resolve("manifest.json"));
        String decode = "\"decode\": {\n    \"timestep\": 0.05,\n    \"noise_scale\": 0.025\n  }";
        assertTrue(ltx.contains(decode), ltx);
        Files.writeString(ltxDir.resolve("manifest.json"), ltx.replace("\"noise_scale\": 0.025", "\"noise_scale\": 1.5"));
        assertRefused(ltxDir, "decode timestep and noise_scale must be in [0, 1]");
        Files.writeString(ltxDir.resolve("manifest.json"), ltx.replace(",\n    \"noise_scale\": 0.025", ""));
        assertRefused(ltxDir, "'decode' needs numbers 'timestep' and 'noise_scale'");
        Path wanDir = TinyFixtures.copy("tiny-wan", dir.resolve("wan"), "1");
        assertNull(ModelPackage.open(wanDir).manifest().decode());
        String wan = Files.readString(wanDir.resolve("manifest.json"));
        Files.writeString(wanDir.resolve("manifest.json"), wan.replaceFirst("\\{", "{" + decode + ","));
        assertRefused(wanDir, "'decode' (decode noise and timestep) is LTX-Video's timestep-conditioned VAE");
    }

    private static void assertRefused(Path packageDir, String reason) {
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(packageDir));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aFolderWithoutManifestIsRefused() {
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains("no manifest.json"), e.getMessage());
    }

    private void assertRefused(String reason) {
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(dir));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** A fake package of {@code family} in {@code dir}; its manifest's text. */
    private String fake(String family) throws Exception {
        FakePackage.write(dir, family);
        return Files.readString(dir.resolve("manifest.json"));
    }

    private void rewrite(String manifest) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), manifest);
    }
}
