package io.reelforge.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code manifest.json} into a {@link Manifest}, refusing what contradicts the family table. */
final class ManifestReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    ManifestReader(Path dir) {
        this.dir = dir;
    }

    Manifest read(Path file) throws PackageException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new PackageException(dir, "manifest.json is not valid JSON: " + e.getMessage(), e);
        }
        String familyId = text(root, "family");
        ModelFamily family = ModelFamily.byId(familyId).orElseThrow(() -> new PackageException(dir,
                "unknown model family '" + familyId + "'; known: " + knownFamilies()));
        JsonNode latent = required(root, "latent");
        JsonNode defaults = root.path("defaults");
        JsonNode frames = required(root, "frames");
        try {
            Manifest m = new Manifest(text(root, "name"), text(root, "version"), family, components(root),
                    sizes(root), root.path("fps").asInt(family.fps().get(0)),
                    new FrameRule(number(frames, "multiple"), number(frames, "offset")),
                    new LatentSpec(number(latent, "channels"), latent.path("scale").asDouble(1.0),
                            number(latent, "temporal_compression"), number(latent, "spatial_compression")),
                    new SamplerDefaults(defaults.path("steps").asInt(sigmas(defaults).isEmpty()
                                    ? family.defaults().steps() : sigmas(defaults).size()),
                            defaults.path("guidance").asDouble(family.defaults().guidance()),
                            defaults.path("shift").asDouble(family.defaults().shift()),
                            scheduler(defaults, family), sigmas(defaults),
                            defaults.path("shift_terminal").asDouble(0), dynamicShift(defaults),
                            experts(defaults, family)),
                    number(root, "text_length"), device(root), decode(root, family));
            new FamilyCheck(dir, m).check();
            return m;
        } catch (IllegalArgumentException e) {
            throw new PackageException(dir, "manifest.json: " + e.getMessage(), e);
        }
    }

    /** The manifest's sampler, or the family's when it names none; an unknown name fails the package. */
    private Scheduler scheduler(JsonNode defaults, ModelFamily family) throws PackageException {
        JsonNode name = defaults.get("scheduler");
        if (name == null || name.isNull()) {
            return family.defaults().scheduler();
        }
        return Scheduler.byId(name.asText()).orElseThrow(() -> new PackageException(dir, "manifest.json: scheduler '"
                + name.asText() + "' is not supported; known: " + String.join(", ", Scheduler.ids())));
    }

    /** An explicit schedule (few-step distilled models), or empty for the even one. */
    private List<Double> sigmas(JsonNode defaults) throws PackageException {
        List<Double> out = new ArrayList<>();
        for (JsonNode sigma : defaults.path("sigmas")) {
            if (!sigma.isNumber()) {
                throw new PackageException(dir, "manifest.json: sigmas must be numbers");
            }
            out.add(sigma.asDouble());
        }
        return out;
    }

    /**
     * A two-expert family's switch: the manifest's {@code boundary} and {@code guidance_2} (diffusers'
     * {@code boundary_ratio} and {@code guidance_scale_2}, defaulting to the family's); a one-denoiser family takes
     * neither.
     */
    private ExpertSwitch experts(JsonNode defaults, ModelFamily family) throws PackageException {
        ExpertSwitch own = family.defaults().experts();
        if (own == null) {
            if (defaults.has("boundary") || defaults.has("guidance_2")) {
                throw new PackageException(dir, "manifest.json: boundary and guidance_2 are for two-expert families"
                        + " (wan2.2-t2v-a14b); " + family.id() + " has one denoiser");
            }
            return null;
        }
        return new ExpertSwitch(defaults.path("boundary").asDouble(own.boundary()),
                defaults.path("guidance_2").asDouble(own.guidanceLow()));
    }

    /** LTX's per-render shift from the latent sequence length, if the manifest gives one. */
    private DynamicShift dynamicShift(JsonNode defaults) throws PackageException {
        JsonNode d = defaults.get("shift_dynamic");
        if (d == null || d.isNull()) {
            return null;
        }
        return new DynamicShift(number(d, "base_seq_len"), number(d, "max_seq_len"),
                required(d, "base_shift").asDouble(), required(d, "max_shift").asDouble());
    }

    /**
     * LTX's decode noise and timestep, if the manifest gives them ({@code "decode": {"timestep", "noise_scale"}});
     * Wan's chunked causal decoder takes none.
     */
    private DecodeNoise decode(JsonNode root, ModelFamily family) throws PackageException {
        JsonNode d = root.get("decode");
        if (d == null || d.isNull()) {
            return null;
        }
        if (family.causalVae()) {
            throw new PackageException(dir, "manifest.json: 'decode' (decode noise and timestep) is LTX-Video's"
                    + " timestep-conditioned VAE; " + family.title() + "'s decoder takes the latents alone");
        }
        if (!d.path("timestep").isNumber() || !d.path("noise_scale").isNumber()) {
            throw new PackageException(dir, "manifest.json: 'decode' needs numbers 'timestep' and 'noise_scale'");
        }
        return new DecodeNoise(d.get("timestep").asDouble(), d.get("noise_scale").asDouble());
    }

    /** The kind of device the package was traced for, if it says: {@code cpu} or {@code gpu}. */
    private String device(JsonNode root) throws PackageException {
        JsonNode device = root.get("device");
        if (device == null || device.isNull()) {
            return null;
        }
        if (!device.asText().equals("cpu") && !device.asText().equals("gpu")) {
            throw new PackageException(dir, "manifest.json: device '" + device.asText() + "' is not known; cpu or gpu");
        }
        return device.asText();
    }

    private Map<String, Component> components(JsonNode root) throws PackageException {
        Map<String, Component> out = new LinkedHashMap<>();
        var fields = required(root, "components").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (Component.LATENT_UPSAMPLER.equals(e.getKey())) {
                throw new PackageException(dir, MULTI_SCALE);
            }
            out.put(e.getKey(), new Component(text(e.getValue(), "file"), text(e.getValue(), "sha256")));
        }
        if (root.has("second_pass")) {
            throw new PackageException(dir, MULTI_SCALE);
        }
        return out;
    }

    /** Why an LTX-Video 0.9.7/0.9.8 distilled multi-scale package is refused (docs/models.md, Few-step notes). */
    static final String MULTI_SCALE = "manifest.json: a two-pass multi-scale pipeline (latent_upsampler, second_pass:"
            + " LTX-Video 0.9.7/0.9.8 distilled as Lightricks runs it) is not supported; this engine samples one pass at"
            + " the native size: ltx-video (40 steps, CFG) and ltx-video-distilled (8 steps, guidance 1, or an explicit"
            + " sigmas schedule) packages without a latent upsampler";

    private List<NativeSize> sizes(JsonNode root) throws PackageException {
        List<NativeSize> out = new ArrayList<>();
        for (JsonNode wh : required(root, "native_sizes")) {
            out.add(new NativeSize(wh.path(0).asInt(), wh.path(1).asInt()));
        }
        if (out.isEmpty()) {
            throw new PackageException(dir, "manifest.json: native_sizes is empty");
        }
        return out;
    }

    private JsonNode required(JsonNode node, String field) throws PackageException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new PackageException(dir, "manifest.json: '" + field + "' is missing");
        }
        return value;
    }

    private String text(JsonNode node, String field) throws PackageException {
        return required(node, field).asText();
    }

    private int number(JsonNode node, String field) throws PackageException {
        JsonNode value = required(node, field);
        if (!value.canConvertToInt()) {
            throw new PackageException(dir, "manifest.json: '" + field + "' must be an integer");
        }
        return value.asInt();
    }

    private static String knownFamilies() {
        return String.join(", ", ModelFamily.ids());
    }
}
