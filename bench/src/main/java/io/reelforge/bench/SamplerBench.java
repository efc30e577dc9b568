package io.reelforge.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import io.reelforge.djl.PackageEngine;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderSpec;
import io.reelforge.models.Manifest;
import io.reelforge.models.ModelPackage;
import io.reelforge.models.NativePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The DJL engine's whole render (prompt encoding, seeded noise, the Java flow-matching loop of the package's
 * scheduler (DPM-Solver++ (2M) for tiny Wan) with classifier-free guidance and its NaN check, VAE decode, frame
 * delivery) against the same TorchScript
 * forwards called back to back with no sampler logic: the text encoder once on a batch of two, the denoiser
 * once per step on the same batch, the VAE decoder once. Both run on the tiny Wan fixture package in the same
 * JVM, alternately, after warm-up; prints each round, the medians and the overhead ratio (target: 1.05).
 */
public final class SamplerBench {

    private static final int W = 64;
    private static final int H = 32;
    private static final int FPS = 16;
    private static final int FRAMES = 33;
    private static final double TARGET = 1.05;
    private static final String PROMPT = "a red fox runs through the snow at dawn, slow motion";

    public static void main(String[] args) throws Exception {
        Path pkg = Path.of(args.length > 0 ? args[0] : "model-manager/target/fixtures/tiny-wan");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 41;
        if (!Files.isRegularFile(pkg.resolve(ModelPackage.MANIFEST))) {
            throw new IllegalStateException("no tiny fixture package in " + pkg + ": run /usr/bin/python3"
                    + " model-manager/export/make_tiny_fixtures.py model-manager/target/fixtures (needs python3-torch)");
        }
        Manifest manifest = ModelPackage.open(pkg).manifest();
        RenderSpec spec = new RenderSpec(PROMPT, "", W, H, FRAMES, FPS, 42, false, null);
        NativePlan plan = manifest.plan(W, H, FRAMES / (double) FPS);
        try (PackageEngine engine = new PackageEngine(pkg, Device.cpu());
                Bare bare = new Bare(pkg, manifest, plan)) {
            if (!engine.status().ready()) {
                throw new IllegalStateException(engine.status().detail());
            }
            for (int i = 0; i < 20; i++) {
                engine.render(spec, f -> { }, RenderControl.unlimited());
                bare.run();
            }
            long[] base = new long[rounds];
            long[] djl = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                bare.run();
                base[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                engine.render(spec, f -> { }, RenderControl.unlimited());
                djl[i] = System.nanoTime() - t0;
                System.out.printf("round %d: bare forwards %.2f ms, engine render %.2f ms%n", i + 1, base[i] / 1e6,
                        djl[i] / 1e6);
            }
            double b = median(base) / 1e6;
            double e = median(djl) / 1e6;
            double ratio = e / b;
            System.out.printf("tiny-wan (%s), native %s x %d frames, latents %s, %d steps, guidance %.1f, %d rounds%n",
                    manifest.family().id(), plan.size(), plan.frames(), Arrays.toString(bare.latentShape),
                    manifest.defaults().steps(), manifest.defaults().guidance(), rounds);
            System.out.printf("median bare TorchScript forwards (encoder, %d x denoiser, decoder): %.2f ms%n",
                    manifest.defaults().steps(), b);
            System.out.printf("median DJL engine render (same forwards + Java sampler + delivery):  %.2f ms%n", e);
            System.out.printf("overhead ratio engine / bare forwards: %.3f (target <= %.2f: %s)%n", ratio, TARGET,
                    ratio <= TARGET ? "met" : "NOT met");
            // the overhead is per step and per frame, not per FLOP: on a real model a denoiser step takes
            // seconds, so the same absolute cost is what to compare with it
            System.out.printf("absolute overhead: %.2f ms per render (%.2f ms per step if it were all in the loop);"
                    + " libtorch threads: %s%n", e - b, (e - b) / manifest.defaults().steps(),
                    System.getProperty("ai.djl.pytorch.num_threads", "default"));
        }
    }

    private static long median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The package's three TorchScript modules, loaded as the engine loads them, called with no logic between. */
    private static final class Bare implements AutoCloseable {

        private final ZooModel<NDList, NDList> encoder;
        private final ZooModel<NDList, NDList> denoiser;
        private final ZooModel<NDList, NDList> decoder;
        private final int steps;
        private final int batch;
        private final int textLength;
        private final long[] latentShape;

        Bare(Path pkg, Manifest manifest, NativePlan plan) throws Exception {
            encoder = load(pkg, "text_encoder");
            denoiser = load(pkg, "denoiser");
            decoder = load(pkg, "vae_decoder");
            steps = manifest.defaults().steps();
            batch = manifest.defaults().guidance() != 1.0 ? 2 : 1;
            textLength = manifest.textLength();
            latentShape = manifest.latent().shape(plan.size(), plan.frames());
        }

        void run() {
            try (NDManager m = denoiser.getNDManager().newSubManager()) {
                NDArray ids = m.zeros(new Shape(batch, textLength), DataType.INT64);
                NDArray context = forward(encoder, m, new NDList(ids));
                NDArray x = m.randomNormal(new Shape(latentShape));
                NDArray input = batch == 1 ? x : NDArrays.concat(new NDList(x, x), 0);
                NDArray t = m.create(new float[batch]);
                for (int i = 0; i < steps; i++) {
                    try (NDScope scope = new NDScope()) {
                        forward(denoiser, m, new NDList(input, t, context));
                    }
                }
                forward(decoder, m, new NDList(x));
            }
        }

        private static NDArray forward(ZooModel<NDList, NDList> model, NDManager m, NDList in) {
            return model.getBlock().forward(new ParameterStore(m, false), in, false).head();
        }

        private static ZooModel<NDList, NDList> load(Path pkg, String name) throws Exception {
            return Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(pkg).optModelName(name)
                    .optEngine("PyTorch").optDevice(Device.cpu()).optOption("mapLocation", "true")
                    .optTranslator(new NoopTranslator()).build().loadModel();
        }

        @Override
        public void close() {
            encoder.close();
            denoiser.close();
            decoder.close();
        }
    }
}
