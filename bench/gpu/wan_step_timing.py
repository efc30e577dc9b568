#!/usr/bin/env python3
"""GPU timing of a full-size random-init Wan 2.1 1.3B through the export wrappers (docs/models.md, GPU timing).

    PYTHONPATH=/path/to/diffusers/src:model-manager/export python3 bench/gpu/wan_step_timing.py

For an H200-class GPU with its own Python torch (2.11, cu130) and diffusers as source on PYTHONPATH (nothing is
downloaded: the configs below are Wan 2.1 T2V 1.3B's, the weights random). It times, in bfloat16, one denoiser
step (the Denoiser wrapper of export_wan21_t2v.py, batch 2 = a CFG step and batch 1 = a distilled step) and the
chunked VAE decode (wrappers.WanVaeChunk in float32, the loop the Java engine runs) at 480p and 720p for an
81-frame (5 s at 16 fps) clip, then prints milliseconds and the projected clip time for a 50-step CFG schedule
and a 4-step distilled one. The text encoder runs once per render and is left out. Runs in a few minutes.
NOT RUN YET: the machine this was written on has no GPU.
"""
import json
import sys
import time

import torch

from export_wan21_t2v import Denoiser
from wrappers import WanVaeChunk


def timed(fn, repeat):
    fn()                                   # warm-up (cuDNN autotune, allocator)
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    torch.cuda.synchronize()
    return (time.perf_counter() - start) * 1000.0 / repeat


def main():
    from diffusers import AutoencoderKLWan, WanTransformer3DModel
    assert torch.cuda.is_available(), "needs a CUDA GPU"
    dev = torch.device("cuda")
    torch.manual_seed(0)
    # Wan-AI/Wan2.1-T2V-1.3B-Diffusers transformer/config.json
    transformer = WanTransformer3DModel(patch_size=(1, 2, 2), num_attention_heads=12, attention_head_dim=128,
                                        in_channels=16, out_channels=16, text_dim=4096, freq_dim=256, ffn_dim=8960,
                                        num_layers=30, cross_attn_norm=True, qk_norm="rms_norm_across_heads",
                                        eps=1e-6, rope_max_seq_len=1024).to(dev, torch.bfloat16).eval()
    vae = AutoencoderKLWan().to(dev, torch.float32).eval()       # the default config is Wan 2.1's VAE
    denoiser = Denoiser(transformer).eval()
    first, step = WanVaeChunk(vae, True, True).eval(), WanVaeChunk(vae, True, False).eval()
    frames, latent_frames, text = 81, 21, 512
    results = {"gpu": torch.cuda.get_device_name(0), "torch": torch.__version__, "cuda": torch.version.cuda}
    with torch.no_grad():
        for name, (w, h) in {"480p": (832, 480), "720p": (1280, 720)}.items():
            lat = torch.randn(2, 16, latent_frames, h // 8, w // 8, device=dev)
            emb = torch.randn(2, text, 4096, device=dev)
            t2 = torch.full((2,), 500.0, device=dev)
            cfg_ms = timed(lambda: denoiser(lat, t2, emb), 3)
            one_ms = timed(lambda: denoiser(lat[:1], t2[:1], emb[:1]), 3)

            def decode():
                out = first(lat[:1, :, :1])
                caches = out[1:]
                for i in range(1, latent_frames):
                    out = step(lat[:1, :, i:i + 1], *caches)
                    caches = out[1:]
            vae_ms = timed(decode, 1)
            results[name] = {
                "cfg_step_ms": round(cfg_ms, 1), "distilled_step_ms": round(one_ms, 1), "vae_decode_ms": round(vae_ms, 1),
                "clip_50_step_cfg_s": round((50 * cfg_ms + vae_ms) / 1000, 1),
                "clip_4_step_distilled_s": round((4 * one_ms + vae_ms) / 1000, 1),
                "peak_gib": round(torch.cuda.max_memory_allocated() / 2**30, 1), "frames": frames,
            }
            print(name, json.dumps(results[name]), flush=True)
            torch.cuda.reset_peak_memory_stats()
    print(json.dumps(results))


if __name__ == "__main__":
    sys.exit(main())
