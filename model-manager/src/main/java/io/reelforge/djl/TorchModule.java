package io.reelforge.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One TorchScript component, loaded once. Calls go straight to the block rather than through a
 * {@code Predictor}: outputs then live in the caller's NDManager (the render's), and no per-call translator
 * context is built. TorchScript inference is safe from several threads.
 */
final class TorchModule implements AutoCloseable {

    private final ZooModel<NDList, NDList> model;

    private TorchModule(ZooModel<NDList, NDList> model) {
        this.model = model;
    }

    static TorchModule load(Path file, Device device) throws IOException, ModelNotFoundException,
            MalformedModelException {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".pt") ? fileName.substring(0, fileName.length() - 3) : fileName;
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file.getParent())
                .optModelName(name)
                .optEngine("PyTorch")
                .optDevice(device)
                // exports are often saved from a GPU; map them onto whatever device this engine uses
                .optOption("mapLocation", "true")
                .optTranslator(new NoopTranslator())
                .build();
        return new TorchModule(criteria.loadModel());
    }

    /** Runs the module on positional inputs; outputs belong to the first input's manager. */
    NDList forward(NDList inputs) {
        return model.getBlock().forward(new ParameterStore(inputs.head().getManager(), false), inputs, false);
    }

    /** The model's own manager; renders open sub-managers of it so their arrays sit on its device. */
    NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public void close() {
        model.close();
    }
}
