"""Shared by the export scripts: writes a model package folder (manifest.json with sha256s) as
docs/models.md describes it. Pure standard library, so it also runs where diffusers is not installed."""
import argparse
import hashlib
import json
from pathlib import Path

COMPONENTS = {"tokenizer": "tokenizer.json", "text_encoder": "text_encoder.pt",
              "denoiser": "denoiser.pt", "vae_decoder": "vae_decoder.pt"}


def export_arguments(model, width, height, frames, text_length):
    """The options every export script has: the weights, where the package goes, its version, and the native
    size, frame count and prompt length to trace at (defaults: the model's own)."""
    p = argparse.ArgumentParser()
    p.add_argument("--model", default=model, help="a Hugging Face repo id or a local diffusers folder")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--version", default="1")
    p.add_argument("--width", type=int, default=width)
    p.add_argument("--height", type=int, default=height)
    p.add_argument("--frames", type=int, default=frames)
    p.add_argument("--text-length", type=int, default=text_length)
    return p


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(out: Path, *, name, version, family, native_sizes, fps, frame_rule, latent, defaults,
                   text_length, components=COMPONENTS):
    """frame_rule: (multiple, offset); latent: dict(channels, scale, temporal_compression, spatial_compression);
    defaults: dict(steps, guidance, shift, scheduler)."""
    manifest = {
        "name": name, "version": version, "family": family,
        "components": {role: {"file": f, "sha256": sha256(out / f)} for role, f in components.items()},
        "native_sizes": [list(s) for s in native_sizes], "fps": fps,
        "frames": {"multiple": frame_rule[0], "offset": frame_rule[1]},
        "latent": latent, "defaults": defaults, "text_length": text_length,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest
