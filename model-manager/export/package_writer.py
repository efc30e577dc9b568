"""Shared by the export scripts: writes a model package folder (manifest.json with sha256s) as
docs/models.md describes it. Pure standard library, so it also runs where diffusers is not installed."""
import argparse
import hashlib
import json
from pathlib import Path

COMPONENTS = {"tokenizer": "tokenizer.json", "text_encoder": "text_encoder.pt",
              "denoiser": "denoiser.pt", "vae_decoder": "vae_decoder.pt"}
# Wan's causal VAE: vae_decoder decodes latent frame 0, vae_decoder_step each later one (wrappers.WanVaeChunk)
WAN_COMPONENTS = dict(COMPONENTS, vae_decoder_step="vae_decoder_step.pt")


def export_arguments(model, width, height, frames, text_length):
    """The options every export script has: the weights, where the package goes, its version, the native size,
    frame count and prompt length to trace at (defaults: the model's own), the dtype of the big parts and the
    device to trace on. A trace bakes its device in (torch.device constants), so the package records it and the
    appliance refuses one traced for another kind of device than it runs on."""
    p = argparse.ArgumentParser()
    p.add_argument("--model", default=model, help="a Hugging Face repo id or a local diffusers folder")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--version", default="1")
    p.add_argument("--width", type=int, default=width)
    p.add_argument("--height", type=int, default=height)
    p.add_argument("--frames", type=int, default=frames)
    p.add_argument("--text-length", type=int, default=text_length)
    p.add_argument("--dtype", default="bfloat16", choices=["bfloat16", "float16", "float32"],
                   help="the transformer's and text encoder's; VAEs and image encoders stay float32")
    p.add_argument("--schedule", choices=sorted(SCHEDULES), help="the sampling schedule of step-distilled weights "
                   "(e.g. lightx2v-4step for LightX2V's 4-step Wan 2.1 14B); default: the base model's")
    p.add_argument("--device", default="cuda", help="cuda (the GPU appliance's device) or cpu (a CPU appliance; "
                   "small configs only)")
    return p


# Few-step distilled schedules: (steps, guidance, shift, sigmas before the shift, scheduler) and where they come from.
SCHEDULES = {
    # ModelTC/LightX2V configs/distill/wan21/wan_{t2v,i2v}_distill_model_4step_cfg.json: denoising_step_list
    # [1000, 750, 500, 250], sample_shift 5, enable_cfg false; its WanStepDistillScheduler steps
    # x - sigma v + sigma_next v, which is flow-matching Euler
    "lightx2v-4step": dict(steps=4, guidance=1.0, shift=5.0, sigmas=[1.0, 0.75, 0.5, 0.25], scheduler="flow-euler"),
    # FastVideo (hao-ai-lab/FastVideo) FastWan 2.1 T2V 1.3B: fastvideo/configs/pipelines/wan.py dmd_denoising_steps
    # [1000, 757, 522]; DmdDenoisingStage samples with its own FlowMatchEulerDiscreteScheduler(shift=8.0) (the
    # 1000-step training table, never set to the inference steps), no CFG, x0 prediction then re-noise
    # (stages/denoising_dmd_strategy.py). flow-dmd's sigmas are those timesteps / 1000, its shift the table's.
    # FastWan 2.2 TI2V 5B (FastWan2_2_TI2V_5B_Config: the same dmd_denoising_steps, run by the same DmdDenoisingStage
    # with its shift-8 table) takes the same schedule: export_wan21_t2v.py --family wan2.2-ti2v-5b.
    "fastwan-3step": dict(steps=3, guidance=1.0, shift=8.0, sigmas=[1.0, 0.757, 0.522], scheduler="flow-dmd"),
    # LTX-Video 0.9.7/0.9.8 distilled (export_ltx_video.py only), one pass: diffusers' LTX docs (docs/source/en/api/
    # pipelines/ltx_video.md) give timesteps [1000, 993, 987, 981, 975, 909, 725, 0.03] for the base pass that
    # LTXConditionPipeline runs before its latent upsampler; it passes them to the scheduler without mu, so as noise
    # levels they are these / 1000 when the checkpoint's scheduler has shift 1 and no dynamic shifting (the script
    # checks). Lightricks runs this pass at 2/3 of the size and refines the upscaled latents in a second pass, which
    # this engine does not (docs/models.md, Few-step notes).
    "ltx-distilled-8step": dict(steps=8, guidance=1.0, shift=1.0,
                                sigmas=[1.0, 0.993, 0.987, 0.981, 0.975, 0.909, 0.725, 0.00003], scheduler="flow-euler"),
}


def schedule_defaults(name, defaults, ltx=False):
    """The manifest's defaults for --schedule NAME (distilled weights), else the base model's. ltx: the script exports
    LTX-Video, whose schedules are the ltx-* ones (and the others the Wan scripts')."""
    if name is None:
        return defaults
    if name.startswith("ltx-") != ltx:
        raise SystemExit(f"--schedule {name} is for {'Wan' if ltx else 'LTX-Video'} packages, not this script's")
    return dict(SCHEDULES[name])


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(out: Path, *, name, version, family, native_sizes, fps, frame_rule, latent, defaults,
                   text_length, device, components=COMPONENTS, decode=None):
    """frame_rule: (multiple, offset); latent: dict(channels, scale, temporal_compression, spatial_compression);
    defaults: dict(steps, guidance, shift, scheduler); decode: dict(timestep, noise_scale) for LTX's
    timestep-conditioned decoder, which then takes the decode noise and those two values."""
    manifest = {
        "name": name, "version": version, "family": family,
        "components": {role: {"file": f, "sha256": sha256(out / f)} for role, f in components.items()},
        "native_sizes": [list(s) for s in native_sizes], "fps": fps,
        "frames": {"multiple": frame_rule[0], "offset": frame_rule[1]},
        "latent": latent, "defaults": defaults, "text_length": text_length,
        "device": "gpu" if str(device).startswith("cuda") else "cpu",
    }
    if decode is not None:
        manifest["decode"] = decode
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest
