#!/usr/bin/env python3
"""Exports a Wan 2.1 (or Wan 2.2 TI2V 5B) text-to-video diffusers pipeline as a Reelforge model package
(docs/models.md).

    python export_wan21_t2v.py --model Wan-AI/Wan2.1-T2V-1.3B-Diffusers --out /data/models/wan21-1.3b

It needs the weights (from the Hugging Face hub or a local copy), torch + diffusers + transformers, and for the
real models a GPU: about 24 GB for the 1.3B model (the UMT5-XXL text encoder is most of it), an 80 GB card
(A100/H100) for the 14B one. Run here on random-weight tiny configs of the real classes (diffusers 0.36, --device
cpu): the package imports READY and renders any 4k+1 frame count (docs/models.md).

Each component is wrapped so that its TorchScript signature is the one the Java engine calls:
  text_encoder(input_ids [B, L] int64) -> [B, L, 4096]; padding (id 0) positions zeroed as WanPipeline does
  denoiser(latents [B, 16, F, h, w], timestep [B] in 0..1000, embeddings [B, L, 4096]) -> velocity
  vae_decoder(latent frame 0 [1, 16, 1, h, w]) -> video [1, 3, 1, 8h, 8w] in [-1, 1], caches...
  vae_decoder_step(latent frame i [1, 16, 1, h, w], caches...) -> video [1, 3, 4, 8h, 8w], caches...
  (wrappers.WanVaeChunk: the causal VAE one latent frame at a time; the engine loops). The per-channel
  latents_mean/std de-normalisation is inside, so the manifest's latent scale is 1.0. The VAE runs in float32,
  as in diffusers' Wan examples.
Wan 2.2 TI2V 5B (--family wan2.2-ti2v-5b) renders from text or from a start image, as WanPipeline and
WanImageToVideoPipeline run it with expand_timesteps; its package differs in two components:
  denoiser(latents [B, 48, F, h, w], timestep [B, F (h/2) (w/2)] per token (patch 1x2x2), embeddings) -> velocity;
      in text mode every token has the step's timestep, in image mode latent frame 0's tokens have 0 and the engine
      puts the image latent in that frame of every input and of the latents it decodes
  image_encoder(start image [1, 3, 1, H, W], its centre square (unused)) -> the start image's normalised VAE
      latent [1, 48, 1, h, w] (the first chunk of wrappers.WanVaeChunk: the pipeline encodes the image alone), caches
"""
import json

import torch
from diffusers import WanPipeline

from package_writer import WAN_COMPONENTS, export_arguments, schedule_defaults, write_manifest
from wrappers import LatentConditioner, MaskedTextEncoder, trace_wan_vae


class Denoiser(torch.nn.Module):
    def __init__(self, transformer):
        super().__init__()
        self.transformer = transformer

    def forward(self, latents, timestep, embeddings):
        out = self.transformer(hidden_states=latents.to(self.transformer.dtype), timestep=timestep,
                               encoder_hidden_states=embeddings.to(self.transformer.dtype), return_dict=False)[0]
        return out.float()


def main():
    p = export_arguments("Wan-AI/Wan2.1-T2V-1.3B-Diffusers", 832, 480, 81, 512)
    p.add_argument("--family", default="wan2.1-t2v-1.3b",
                   choices=["wan2.1-t2v-1.3b", "wan2.1-t2v-14b", "wan2.2-ti2v-5b", "wan2.2-t2v-a14b"],
                   help="wan2.2-ti2v-5b: Wan 2.2 TI2V 5B, text and image mode (pass --width 1280 --height 704); "
                        "wan2.2-t2v-a14b: Wan 2.2 T2V A14B's two experts (Wan-AI/Wan2.2-T2V-A14B-Diffusers: "
                        "transformer is the high-noise one, transformer_2 the low-noise one -> denoiser_low.pt)")
    args = p.parse_args()

    from diffusers import AutoencoderKLWan

    dtype, device = getattr(torch, args.dtype), args.device
    vae = AutoencoderKLWan.from_pretrained(args.model, subfolder="vae", torch_dtype=torch.float32)
    pipe = WanPipeline.from_pretrained(args.model, vae=vae, torch_dtype=dtype).to(device)
    args.out.mkdir(parents=True, exist_ok=True)
    pipe.tokenizer.backend_tokenizer.save(str(args.out / "tokenizer.json"))

    # from the VAE: Wan 2.1 16 channels and 8x, Wan 2.2 TI2V 5B 48 channels and 16x (both 4x in time)
    z, spatial, temporal = vae.config.z_dim, vae.config.scale_factor_spatial, vae.config.scale_factor_temporal
    L, F = args.text_length, (args.frames - 1) // temporal + 1
    ids = torch.ones(2, L, dtype=torch.long, device=device)
    latents = torch.randn(2, z, F, args.height // spatial, args.width // spatial, device=device)
    with torch.no_grad():
        enc = torch.jit.trace(MaskedTextEncoder(pipe.text_encoder).eval(), (ids,), check_trace=False)
        enc.save(str(args.out / "text_encoder.pt"))
        emb = enc(ids)
        t = torch.full((2,), 500.0, device=device)
        ti2v = args.family == "wan2.2-ti2v-5b"
        if ti2v:
            # a timestep per token, 0 on latent frame 0 as in image mode, so the trace keeps the per-token path
            mask = torch.ones(F, latents.shape[3] // 2, latents.shape[4] // 2, device=device)
            mask[0] = 0
            t = (mask.flatten() * 500.0).unsqueeze(0).expand(2, -1).contiguous()
            image = torch.rand(1, 3, 1, args.height, args.width, device=device) * 2 - 1
            side = min(args.height, args.width)
            torch.jit.trace(LatentConditioner(pipe.vae).to(device).eval(), (image, image[:, :, 0, :side, :side]),
                            check_trace=False).save(str(args.out / "image_encoder.pt"))
        torch.jit.trace(Denoiser(pipe.transformer).eval(), (latents, t, emb), check_trace=False) \
            .save(str(args.out / "denoiser.pt"))
        experts = args.family == "wan2.2-t2v-a14b"
        if experts:  # the low-noise expert: WanPipeline runs it for timesteps below boundary_ratio * 1000
            if getattr(pipe, "transformer_2", None) is None or pipe.config.boundary_ratio is None:
                raise SystemExit(f"{args.model} has no transformer_2 / boundary_ratio: not a Wan 2.2 A14B pipeline")
            torch.jit.trace(Denoiser(pipe.transformer_2).eval(), (latents, t, emb), check_trace=False) \
                .save(str(args.out / "denoiser_low.pt"))
    trace_wan_vae(pipe.vae, args.out, args.height, args.width, device)

    shift = 3.0 if args.height * args.width <= 832 * 480 else 5.0  # Wan's flow_shift: 3 at 480p, 5 at 720p
    fps = 24 if args.family == "wan2.2-ti2v-5b" else 16             # Wan 2.2 TI2V 5B is trained at 24 fps
    defaults = schedule_defaults(args.schedule, {"steps": 50, "guidance": 5.0, "shift": shift,
                                                 "scheduler": "flow-dpmpp-2m"})
    if experts and args.schedule is None:
        # Wan2.2 configs/wan_t2v_A14B.py: 40 steps, sample_shift 12, sample_guide_scale (3.0 low, 4.0 high);
        # the boundary from the pipeline's own config (0.875 for T2V A14B)
        defaults = {"steps": 40, "guidance": 4.0, "guidance_2": 3.0, "shift": 12.0, "scheduler": "flow-dpmpp-2m",
                    "boundary": pipe.config.boundary_ratio}
    write_manifest(args.out, name=args.family, version=args.version, family=args.family,
                   native_sizes=[(args.width, args.height)], fps=fps, frame_rule=(temporal, 1),
                   latent={"channels": z, "scale": 1.0, "temporal_compression": temporal,
                           "spatial_compression": spatial},
                   defaults=defaults, text_length=L, device=device,
                   components=dict(WAN_COMPONENTS, denoiser_low="denoiser_low.pt") if experts
                   else dict(WAN_COMPONENTS, image_encoder="image_encoder.pt") if ti2v else WAN_COMPONENTS)
    print(json.dumps({"package": str(args.out)}))


if __name__ == "__main__":
    main()
