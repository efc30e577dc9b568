package io.reelforge.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prompt text to text-encoder embeddings. Token ids are padded with 0 or cut to the length the encoder was
 * exported for: exports take fixed-length ids and derive their attention mask from the padding.
 */
final class PromptEncoder implements AutoCloseable {

    private static final long PAD = 0;

    private final HuggingFaceTokenizer tokenizer;
    private final TorchModule encoder;
    private final int length;

    PromptEncoder(Path tokenizerJson, TorchModule encoder, int length) throws IOException {
        // special tokens as the tokenizer.json's post-processor defines them; no padding there, we pad below
        this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false",
                "truncation", "false"));
        this.encoder = encoder;
        this.length = length;
    }

    long[] ids(String text) {
        long[] ids = tokenizer.encode(text).getIds();
        long[] out = Arrays.copyOf(ids, length);
        if (ids.length < length) {
            Arrays.fill(out, ids.length, length, PAD);
        }
        return out;
    }

    /** Embeddings [prompts, length, dim] of the prompts, in order, in {@code manager}. */
    NDArray encode(NDManager manager, List<String> prompts) {
        long[] all = new long[prompts.size() * length];
        for (int i = 0; i < prompts.size(); i++) {
            System.arraycopy(ids(prompts.get(i)), 0, all, i * length, length);
        }
        NDArray ids = manager.create(all, new Shape(prompts.size(), length));
        return encoder.forward(new NDList(ids)).singletonOrThrow();
    }

    @Override
    public void close() {
        tokenizer.close();
        encoder.close();
    }
}
