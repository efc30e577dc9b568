package io.reelforge.djl;

import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the {@code djl} engine can render with on this machine, read without loading libtorch (a health probe
 * must not unpack 430 MB): the GPUs the CUDA runtime sees (DJL's {@link CudaUtils}: 0 without an NVIDIA
 * driver) and its version, and the libtorch DJL will load, with its flavor ({@code cpu}, {@code cu128}) and
 * where it comes from: the administrator's ({@code PYTORCH_LIBRARY_PATH}, set by {@code install.sh --libtorch})
 * or the one bundled in the application ({@code native/lib/pytorch.properties} of {@code pytorch-native-*}).
 *
 * @param gpuCount GPUs visible to the CUDA runtime
 * @param cuda the CUDA runtime's version ({@code 12.8}), null when there is none
 * @param libtorch the libtorch version ({@code 2.7.1}), null when none is found
 * @param flavor {@code cpu}, {@code cu128} and the like, null when none is found
 * @param source {@code bundled} or the folder of the administrator's libtorch
 */
record TorchRuntime(int gpuCount, String cuda, String libtorch, String flavor, String source) {

    /** The runtime of this JVM and machine. */
    static TorchRuntime detect() {
        int gpus = 0;
        String cuda = null;
        try {
            if (CudaUtils.hasCuda()) {
                gpus = CudaUtils.getGpuCount();
                int v = CudaUtils.getCudaVersion();
                cuda = (v / 1000) + "." + (v % 1000) / 10;
            }
        } catch (RuntimeException | LinkageError e) {
            gpus = 0; // no usable CUDA runtime: the same as none for rendering
        }
        String path = setting("PYTORCH_LIBRARY_PATH");
        if (path != null) {
            String flavor = setting("PYTORCH_FLAVOR");
            if (flavor == null) {
                flavor = Files.exists(Path.of(path, "libtorch_cuda.so")) ? "cuda" : "cpu";
            }
            return new TorchRuntime(gpus, cuda, setting("PYTORCH_VERSION"), flavor, path);
        }
        Properties bundled = new Properties();
        URL props = TorchRuntime.class.getClassLoader().getResource("native/lib/pytorch.properties");
        if (props != null) {
            try (InputStream in = props.openStream()) {
                bundled.load(in);
            } catch (IOException e) {
                bundled.clear();
            }
        }
        String version = bundled.getProperty("version");
        return new TorchRuntime(gpus, cuda, version == null ? null : version.replaceFirst("-.*", ""),
                bundled.getProperty("flavor"), "bundled");
    }

    boolean cudaLibtorch() {
        return flavor != null && flavor.startsWith("cu");
    }

    /** E.g. {@code CUDA 12.8, 2 GPUs visible; libtorch 2.7.1 cu128 from /opt/libtorch/lib}. */
    String describe() {
        String gpus = cuda == null ? "no CUDA GPU visible" : "CUDA " + cuda + ", " + gpuCount
                + (gpuCount == 1 ? " GPU" : " GPUs") + " visible";
        String torch = libtorch == null && flavor == null ? "no libtorch found (no pytorch-native jar and no"
                + " PYTORCH_LIBRARY_PATH)" : "libtorch " + (libtorch == null ? "of unknown version" : libtorch) + " "
                + flavor + ("bundled".equals(source) ? " (bundled)" : " from " + source);
        return gpus + "; " + torch;
    }

    /**
     * Why the configured devices render without a GPU or cannot render at all, null when nothing is wrong: a
     * GPU listed that the machine lacks, a GPU listed with a CPU libtorch, or GPUs left idle by a CPU-only list.
     */
    String gpuProblem(DeviceSlots slots) {
        var missing = slots.missing(gpuCount);
        boolean wantsGpu = slots.slots().stream().anyMatch(DeviceSlots.Slot::gpu);
        if (!missing.isEmpty()) {
            return missing.get(0).name() + " does not exist on this machine ("
                    + (gpuCount == 0 ? "no CUDA GPU visible: no NVIDIA driver or no GPU" : gpuCount
                    + (gpuCount == 1 ? " GPU" : " GPUs") + " visible, gpu0 to gpu" + (gpuCount - 1)) + ")";
        }
        if (wantsGpu && !cudaLibtorch()) {
            return "the GPUs cannot be used: libtorch " + (flavor == null ? "is missing" : "is the " + flavor
                    + " build") + "; install the CUDA libtorch with install.sh --libtorch (docs/install.md)";
        }
        return null;
    }

    /** A note when GPUs sit unused, null otherwise (not a failure: the CPU list renders). */
    String idleGpuNote(DeviceSlots slots) {
        boolean wantsGpu = slots.slots().stream().anyMatch(DeviceSlots.Slot::gpu);
        if (wantsGpu) {
            return null;
        }
        if (gpuCount > 0) {
            return "GPU not used: reelforge.engine.djl.devices lists no GPU"
                    + (cudaLibtorch() ? "" : " and libtorch is the " + flavor + " build");
        }
        return cudaLibtorch() ? "GPU not used: a CUDA libtorch on a machine with no visible GPU" : null;
    }

    private static String setting(String key) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            v = System.getenv(key);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }
}
