#!/usr/bin/env python3
"""Exports an LTX-Video diffusers pipeline as a Reelforge model package (docs/models.md).

    python export_ltx_video.py --model Lightricks/LTX-Video --out /data/models/ltx-video

It needs the weights, torch + diffusers + transformers, and for the real model a GPU with about 24 GB (the
T5-XXL text encoder dominates; the 2B transformer is small). --dtype sets the transformer's and text encoder's
dtype (the VAE stays float32), --device where it is traced (the package records it).

Wrappers give the components the signatures the Java engine calls:
  text_encoder(input_ids [B, L]) -> [B, L, 4096], padding positions zeroed
  denoiser(latents [B, 128, F, h, w], timestep [B], embeddings [B, L, 4096]) -> velocity, same shape;
    packs the latents into LTX's token sequence (patch size 1) and derives the text attention mask from
    the zeroed padding, then unpacks the output
  vae_decoder(latents [1, 128, F, h, w]) -> video [1, 3, 8(F-1)+1, 32h, 32w]; de-normalisation inside. A 0.9.1+
    VAE (timestep_conditioning) takes (latents, noise [1, 128, F, h, w], [decode timestep, decode noise scale]) and
    the manifest's "decode" records --decode-timestep and --decode-noise-scale, which the engine passes.
LTX shifts its schedule by mu from the latent sequence length; sigma' = e^mu / (e^mu + 1/sigma - 1) is the
engine's shift formula with shift = e^mu. The manifest records the scheduler's line (shift_dynamic), so the engine
computes e^mu for each render's size, and its shift_terminal (0.9.5+), which the engine honours; "shift" is the
value at the traced size, for readers (a scheduler without dynamic shifting: its own fixed shift, which the engine
uses). A scheduler config with stochastic_sampling (0.9.6 distilled) makes the manifest's scheduler
flow-euler-stochastic. The denoiser's rope_interpolation_scale uses --fps, which is also the
manifest's fps, so the two cannot disagree.
"""
import json
import math

import torch
from diffusers import LTXPipeline

from package_writer import schedule_defaults, export_arguments, write_manifest
from wrappers import MaskedTextEncoder


class Denoiser(torch.nn.Module):
    """positions: "ltx" places latent frame f at time 8f / fps (LTXPipeline's rope_interpolation_scale, the 0.9.0/0.9.1
    way); "condition" at max(0, 8f - 7) / fps (LTXConditionPipeline's _scale_video_ids: the causal VAE's first latent
    frame is one picture, each later one 8), as diffusers runs 0.9.5+ checkpoints and Lightricks' own pipeline with
    causal_temporal_positioning."""

    def __init__(self, transformer, fps, positions="ltx"):
        super().__init__()
        self.transformer = transformer
        self.fps = float(fps)
        self.rope_scale = (8.0 / fps, 32.0, 32.0)
        self.condition = positions == "condition"

    def forward(self, latents, timestep, embeddings):
        b, c, f, h, w = latents.shape
        tokens = latents.reshape(b, c, f * h * w).transpose(1, 2).to(self.transformer.dtype)
        mask = (embeddings.abs().sum(-1) != 0).long()
        if self.condition:
            grid = torch.stack(torch.meshgrid(torch.arange(f, device=latents.device),
                                              torch.arange(h, device=latents.device),
                                              torch.arange(w, device=latents.device), indexing="ij"), dim=0)
            grid = grid.reshape(1, 3, f * h * w).float()
            frames = ((grid[:, 0:1] * 8.0) + 1.0 - 8.0).clamp(min=0) / self.fps
            coords = torch.cat([frames, grid[:, 1:] * 32.0], dim=1).expand(b, -1, -1)
            out = self.transformer(hidden_states=tokens, encoder_hidden_states=embeddings.to(self.transformer.dtype),
                                   timestep=timestep, encoder_attention_mask=mask, video_coords=coords,
                                   return_dict=False)[0]
        else:
            out = self.transformer(hidden_states=tokens, encoder_hidden_states=embeddings.to(self.transformer.dtype),
                                   timestep=timestep, encoder_attention_mask=mask, num_frames=f, height=h, width=w,
                                   rope_interpolation_scale=self.rope_scale, return_dict=False)[0]
        return out.float().transpose(1, 2).reshape(b, c, f, h, w)


class VaeDecoder(torch.nn.Module):
    """A VAE without timestep conditioning (before 0.9.1): latents -> video."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def denormalised(self, latents):
        mean = self.vae.latents_mean.view(1, -1, 1, 1, 1)
        std = self.vae.latents_std.view(1, -1, 1, 1, 1)
        return latents * std / self.vae.config.scaling_factor + mean

    def forward(self, latents):
        return self.vae.decode(self.denormalised(latents).to(self.vae.dtype), None,
                               return_dict=False)[0].float().clamp(-1, 1)


class NoisyVaeDecoder(VaeDecoder):
    """A timestep-conditioned VAE (0.9.1+): (latents, noise, [timestep, noise scale]) -> video. As LTXPipeline and
    LTXConditionPipeline do before vae.decode(latents, timestep): the noise is mixed into the de-normalised latents,
    (1 - scale) x + scale noise, and the decoder gets the timestep. The engine draws the noise from the render's seed
    and passes the manifest's "decode" values."""

    def forward(self, latents, noise, decode):
        scale = decode[1]
        mixed = (1 - scale) * self.denormalised(latents) + scale * noise
        t = decode[0:1].to(self.vae.dtype)
        return self.vae.decode(mixed.to(self.vae.dtype), t, return_dict=False)[0].float().clamp(-1, 1)


def main():
    p = export_arguments("Lightricks/LTX-Video", 768, 512, 121, 128)
    p.add_argument("--family", default="ltx-video", choices=["ltx-video", "ltx-video-distilled"])
    p.add_argument("--fps", type=int, default=24)
    # decode_timestep / decode_noise_scale: Lightricks' configs (ltxv-2b-0.9.6-distilled.yaml, ltxv-13b-0.9.7-distilled.yaml,
    # ltxv-*-0.9.8-*.yaml) and diffusers' LTX docs use 0.05 and 0.025 for the 0.9.1+ timestep-conditioned VAEs
    p.add_argument("--decode-timestep", type=float, default=0.05)
    p.add_argument("--decode-noise-scale", type=float, default=0.025)
    p.add_argument("--positions", choices=["ltx", "condition"], help="the denoiser's frame positions: ltx "
                   "(LTXPipeline, 0.9.0/0.9.1) or condition (LTXConditionPipeline's causal positions, 0.9.5+); default "
                   "condition with --schedule ltx-distilled-8step (diffusers runs it with LTXConditionPipeline), else ltx")
    args = p.parse_args()
    positions = args.positions or ("condition" if args.schedule == "ltx-distilled-8step" else "ltx")

    from diffusers import AutoencoderKLLTXVideo

    dtype, device = getattr(torch, args.dtype), args.device
    vae = AutoencoderKLLTXVideo.from_pretrained(args.model, subfolder="vae", torch_dtype=torch.float32)
    pipe = LTXPipeline.from_pretrained(args.model, vae=vae, torch_dtype=dtype).to(device)
    args.out.mkdir(parents=True, exist_ok=True)
    pipe.tokenizer.backend_tokenizer.save(str(args.out / "tokenizer.json"))

    L, F = args.text_length, (args.frames - 1) // 8 + 1
    h, w = args.height // 32, args.width // 32
    ids = torch.ones(2, L, dtype=torch.long, device=device)
    latents = torch.randn(2, 128, F, h, w, device=device)
    with torch.no_grad():
        enc = torch.jit.trace(MaskedTextEncoder(pipe.text_encoder).eval(), (ids,), check_trace=False)
        enc.save(str(args.out / "text_encoder.pt"))
        t = torch.full((2,), 500.0, device=device)
        torch.jit.trace(Denoiser(pipe.transformer, args.fps, positions).eval(), (latents, t, enc(ids)), check_trace=False) \
            .save(str(args.out / "denoiser.pt"))
        if pipe.vae.config.timestep_conditioning:
            decode = torch.tensor([args.decode_timestep, args.decode_noise_scale], device=device)
            torch.jit.trace(NoisyVaeDecoder(pipe.vae).eval(), (latents[:1], torch.randn_like(latents[:1]), decode),
                            check_trace=False).save(str(args.out / "vae_decoder.pt"))
        else:
            torch.jit.trace(VaeDecoder(pipe.vae).eval(), (latents[:1],), check_trace=False) \
                .save(str(args.out / "vae_decoder.pt"))

    cfg = pipe.scheduler.config
    seq = F * h * w
    slope = (cfg.get("max_shift", 1.15) - cfg.get("base_shift", 0.5)) / (cfg.get("max_image_seq_len", 4096)
                                                                         - cfg.get("base_image_seq_len", 256))
    mu = seq * slope + cfg.get("base_shift", 0.5) - slope * cfg.get("base_image_seq_len", 256)
    distilled = args.family == "ltx-video-distilled"
    # a scheduler with stochastic_sampling (LTX-Video 0.9.6 distilled) re-noises the clean prediction at every step
    scheduler = "flow-euler-stochastic" if cfg.get("stochastic_sampling", False) else "flow-euler"
    defaults = {"steps": 8 if distilled else 40, "guidance": 1.0 if distilled else 3.0,
                # e^mu at the traced size (the engine recomputes it per render from shift_dynamic); a scheduler
                # without dynamic shifting keeps its own fixed shift
                "shift": round(math.exp(mu), 4) if cfg.get("use_dynamic_shifting", False) else cfg.get("shift", 1.0),
                "scheduler": scheduler}
    if cfg.get("use_dynamic_shifting", False):   # the engine computes e^mu per render size from these
        defaults["shift_dynamic"] = {"base_seq_len": cfg.get("base_image_seq_len", 256),
                                     "max_seq_len": cfg.get("max_image_seq_len", 4096),
                                     "base_shift": cfg.get("base_shift", 0.5), "max_shift": cfg.get("max_shift", 1.15)}
    if cfg.get("shift_terminal"):
        defaults["shift_terminal"] = cfg["shift_terminal"]
    if args.schedule is not None:
        if cfg.get("use_dynamic_shifting", False) or cfg.get("shift", 1.0) != 1.0 or cfg.get("shift_terminal"):
            p.error(f"--schedule {args.schedule} gives final noise levels: the scheduler must have shift 1 and no dynamic"
                    f" shifting or shift_terminal, but {args.model}'s has {dict(cfg)}")
        defaults = schedule_defaults(args.schedule, defaults, ltx=True)
        defaults["scheduler"] = scheduler if scheduler == "flow-euler-stochastic" else defaults["scheduler"]
    write_manifest(args.out, name=args.family, version=args.version, family=args.family,
                   native_sizes=[(args.width, args.height)], fps=args.fps, frame_rule=(8, 1),
                   latent={"channels": 128, "scale": 1.0, "temporal_compression": 8, "spatial_compression": 32},
                   defaults=defaults, text_length=L, device=device,
                   decode={"timestep": args.decode_timestep, "noise_scale": args.decode_noise_scale}
                   if pipe.vae.config.timestep_conditioning else None)
    print(json.dumps({"package": str(args.out)}))


if __name__ == "__main__":
    main()
