#!/usr/bin/env python3
"""Exports a Wan 2.1 image-to-video diffusers pipeline as a Reelforge model package (docs/models.md).

    python export_wan21_i2v.py --model Wan-AI/Wan2.1-I2V-14B-480P-Diffusers --out /data/models/wan21-i2v-480p
    python export_wan21_i2v.py --model Wan-AI/Wan2.1-I2V-14B-720P-Diffusers --width 1280 --height 720 \
        --out /data/models/wan21-i2v-720p

NOT RUN IN THIS REPOSITORY: it needs the weights (from the Hugging Face hub or a local copy), a recent
torch + diffusers + transformers, and an 80 GB CUDA GPU (A100/H100 80GB): the 14B transformer alone is 28 GB in
bfloat16, the UMT5-XXL text encoder 11 GB, and tracing runs the VAE encoder over the whole clip. Tracing records
the shapes it sees, so the package lists only the native size and frame count it was traced at; check a
package with the appliance's own loader (ModelPackage.open + the engine's shape probe) before shipping it.

Wan 2.1 I2V (family wan2.1-i2v-14b), and with --family wan2.2-i2v-a14b Wan 2.2 I2V A14B
(Wan-AI/Wan2.2-I2V-A14B-Diffusers): two expert transformers (transformer -> denoiser.pt, transformer_2 ->
denoiser_low.pt, the pipeline's boundary_ratio -> the manifest's boundary) over the same condition, and no CLIP:
its image_encoder returns latent frame 0 and the caches only, and its denoisers take no image tokens.

Each component is wrapped so that its TorchScript signature is the one the Java engine calls, and so that the
conditioning is what WanImageToVideoPipeline builds (the tiny-wan-i2v fixture has the same signatures):
  text_encoder(input_ids [B, L] int64) -> [B, L, 4096]; padding (id 0) positions zeroed as WanPipeline does
  image_encoder(start image [1, 3, 1, H, W], its centre square [1, 3, S, S], both in [-1, 1])
      -> the normalised VAE latent of the start image [1, 16, 1, H/8, W/8] (the distribution's mode, as the
         pipeline's "argmax"), image tokens [1, 257, 1280]: CLIP ViT-H/14's penultimate hidden states of the square
         (resized to 224, normalised as CLIPImageProcessor does, bicubic in torch), then the encoder's caches
  image_encoder_step(4 zero frames [1, 3, 4, H, W], caches...) -> the next latent frame, caches...
      the engine builds the condition [1, 20, F, H/8, W/8]: the first-frame mask (4 channels, 1 on latent frame 0)
      and those 16 latent channels, as WanImageToVideoPipeline does
  denoiser(latents [B, 16, F, h, w], timestep [B] in 0..1000, embeddings [B, L, 4096],
           condition [B, 20, F, h, w], image tokens [B, 257, 1280]) -> velocity [B, 16, F, h, w];
      the transformer gets cat(latents, condition) on channels, and the tokens as encoder_hidden_states_image
  vae_decoder + vae_decoder_step: the chunked causal VAE decoder (wrappers.WanVaeChunk), de-normalisation inside.
image_encoder + image_encoder_step: the VAE encoder chunked the same way (a trace of vae.encode unrolls its loop
over 4-frame chunks at the traced count), and CLIP fed the centre square the engine cuts, resized to CLIP's input
inside, so any aspect works (a resize computed from the traced aspect would be baked in).
"""
import json

import torch
import torch.nn.functional as F

from package_writer import WAN_COMPONENTS, export_arguments, schedule_defaults, write_manifest
from wrappers import LatentConditioner, MaskedTextEncoder, WanVaeChunk, trace_wan_vae

TEMPORAL, SPATIAL = 4, 8     # the Wan 2.1 VAE's compression (the family row's t and s)
MASK_CHANNELS = TEMPORAL     # one mask channel per pixel frame of a latent frame


class ImageConditioner(torch.nn.Module):
    """image_encoder: the start image [1, 3, 1, H, W] and its centre square [1, 3, S, S] (both in [-1, 1]) ->
    normalised VAE latent frame 0 [1, 16, 1, h, w], CLIP tokens [1, 257, 1280], the VAE encoder's caches. The engine
    then calls image_encoder_step (wrappers.WanVaeChunk) on 4 zero frames at a time and builds the mask."""

    def __init__(self, vae, clip, processor):
        super().__init__()
        self.vae = WanVaeChunk(vae, decode=False, first=True)
        self.clip = clip
        self.crop = processor.crop_size["height"]
        self.register_buffer("clip_mean", torch.tensor(processor.image_mean).view(1, 3, 1, 1))
        self.register_buffer("clip_std", torch.tensor(processor.image_std).view(1, 3, 1, 1))

    def forward(self, image, square):
        out = self.vae(image)
        return (out[0], self.tokens(square), *out[1:])

    def tokens(self, square):
        """CLIPImageProcessor in torch on the centre square the engine cut (the region its resize-then-centre-crop
        keeps): [0, 1], to crop x crop (bicubic, antialiased), normalised. The output size is fixed, so a trace
        takes any aspect (a resize computed from the traced aspect would be baked in)."""
        x = (square.float() + 1.0) / 2.0
        x = F.interpolate(x, size=(self.crop, self.crop), mode="bicubic", align_corners=False,
                          antialias=True).clamp(0.0, 1.0)
        x = (x - self.clip_mean) / self.clip_std
        hidden = self.clip(pixel_values=x.to(self.clip.dtype), output_hidden_states=True).hidden_states
        return hidden[-2].float()


class Denoiser(torch.nn.Module):
    def __init__(self, transformer):
        super().__init__()
        self.transformer = transformer

    def forward(self, latents, timestep, embeddings, condition, image_tokens):
        dtype = self.transformer.dtype
        out = self.transformer(hidden_states=torch.cat([latents, condition], 1).to(dtype), timestep=timestep,
                               encoder_hidden_states=embeddings.to(dtype),
                               encoder_hidden_states_image=image_tokens.to(dtype), return_dict=False)[0]
        return out.float()


class LatentDenoiser(torch.nn.Module):
    """Wan 2.2 I2V A14B's denoisers: the transformer gets cat(latents, condition) and no image tokens."""

    def __init__(self, transformer):
        super().__init__()
        self.transformer = transformer

    def forward(self, latents, timestep, embeddings, condition):
        dtype = self.transformer.dtype
        out = self.transformer(hidden_states=torch.cat([latents, condition], 1).to(dtype), timestep=timestep,
                               encoder_hidden_states=embeddings.to(dtype), return_dict=False)[0]
        return out.float()


def main():
    p = export_arguments("Wan-AI/Wan2.1-I2V-14B-480P-Diffusers", 832, 480, 81, 512)
    p.add_argument("--family", default="wan2.1-i2v-14b", choices=["wan2.1-i2v-14b", "wan2.2-i2v-a14b"],
                   help="wan2.2-i2v-a14b: Wan 2.2 I2V A14B (two experts, no CLIP)")
    args = p.parse_args()
    experts = args.family == "wan2.2-i2v-a14b"
    if (args.frames - 1) % 4 or args.width % 16 or args.height % 16:
        p.error("frames must be 4k+1 and the size a multiple of 16 (Wan 2.1's VAE and patch size)")

    from diffusers import AutoencoderKLWan, WanImageToVideoPipeline
    from transformers import CLIPVisionModel

    dtype, device = getattr(torch, args.dtype), args.device
    # As diffusers' Wan I2V example: the VAE and the image encoder in float32, the rest in bfloat16.
    vae = AutoencoderKLWan.from_pretrained(args.model, subfolder="vae", torch_dtype=torch.float32)
    if experts:
        pipe = WanImageToVideoPipeline.from_pretrained(args.model, vae=vae, torch_dtype=dtype).to(device)
        if pipe.transformer_2 is None or pipe.config.boundary_ratio is None:
            p.error(f"{args.model} has no transformer_2 / boundary_ratio: not a Wan 2.2 A14B pipeline")
    else:
        clip = CLIPVisionModel.from_pretrained(args.model, subfolder="image_encoder", torch_dtype=torch.float32)
        pipe = WanImageToVideoPipeline.from_pretrained(args.model, vae=vae, image_encoder=clip,
                                                       torch_dtype=dtype).to(device)
    args.out.mkdir(parents=True, exist_ok=True)
    pipe.tokenizer.backend_tokenizer.save(str(args.out / "tokenizer.json"))

    L, f = args.text_length, (args.frames - 1) // TEMPORAL + 1
    h, w = args.height // SPATIAL, args.width // SPATIAL
    ids = torch.ones(2, L, dtype=torch.long, device=device)
    image = torch.rand(1, 3, 1, args.height, args.width, device=device) * 2 - 1
    side = min(args.height, args.width)
    square = image[:, :, 0, :side, :side]
    latents = torch.randn(2, 16, f, h, w, device=device)
    with torch.no_grad():
        enc = torch.jit.trace(MaskedTextEncoder(pipe.text_encoder).eval(), (ids,), check_trace=False)
        enc.save(str(args.out / "text_encoder.pt"))
        emb = enc(ids)
        conditioner = (LatentConditioner(pipe.vae) if experts
                       else ImageConditioner(pipe.vae, pipe.image_encoder, pipe.image_processor)).to(device).eval()
        first = torch.jit.trace(conditioner, (image, square), check_trace=False)
        first.save(str(args.out / "image_encoder.pt"))
        out = first(image, square)
        tokens, caches = (None, out[1:]) if experts else (out[1], out[2:])
        zeros = torch.zeros(1, 3, TEMPORAL, args.height, args.width, device=device)
        step = torch.jit.trace(WanVaeChunk(pipe.vae, decode=False, first=False).to(device).eval(), (zeros, *caches),
                               check_trace=False)
        step.save(str(args.out / "image_encoder_step.pt"))
        latent = [out[0]]
        for _ in range(1, f):
            o = step(zeros, *caches)
            latent.append(o[0])
            caches = o[1:]
        mask = torch.zeros(1, MASK_CHANNELS, f, h, w, device=device)
        mask[:, :, 0] = 1.0
        condition = torch.cat([mask, torch.cat(latent, 2)], 1)
        t = torch.full((2,), 500.0, device=device)
        if experts:
            for transformer, file in ((pipe.transformer, "denoiser.pt"), (pipe.transformer_2, "denoiser_low.pt")):
                torch.jit.trace(LatentDenoiser(transformer).eval(), (latents, t, emb, condition.repeat(2, 1, 1, 1, 1)),
                                check_trace=False).save(str(args.out / file))
        else:
            torch.jit.trace(Denoiser(pipe.transformer).eval(),
                            (latents, t, emb, condition.repeat(2, 1, 1, 1, 1), tokens.repeat(2, 1, 1)),
                            check_trace=False).save(str(args.out / "denoiser.pt"))
    trace_wan_vae(pipe.vae, args.out, args.height, args.width, device)

    shift = 3.0 if args.height * args.width <= 832 * 480 else 5.0  # diffusers' Wan I2V flow_shift: 3 at 480p, 5 at 720p
    name = args.family + "-" + ("480p" if args.height * args.width <= 832 * 480 else "720p")
    defaults = schedule_defaults(args.schedule, {"steps": 40, "guidance": 5.0, "shift": shift,
                                                 "scheduler": "flow-dpmpp-2m"})
    components = dict(WAN_COMPONENTS, image_encoder="image_encoder.pt", image_encoder_step="image_encoder_step.pt")
    if experts:
        components["denoiser_low"] = "denoiser_low.pt"
        if args.schedule is None:
            # Wan2.2 configs/wan_i2v_A14B.py: 40 steps, sample_shift 5, sample_guide_scale (3.5, 3.5); the boundary
            # is the pipeline's boundary_ratio (0.9 in Wan-AI/Wan2.2-I2V-A14B-Diffusers)
            defaults = {"steps": 40, "guidance": 3.5, "guidance_2": 3.5, "shift": 5.0, "scheduler": "flow-dpmpp-2m",
                        "boundary": float(pipe.config.boundary_ratio)}
    write_manifest(args.out, name=name, version=args.version, family=args.family,
                   native_sizes=[(args.width, args.height)], fps=16, frame_rule=(4, 1),
                   latent={"channels": 16, "scale": 1.0, "temporal_compression": 4, "spatial_compression": 8},
                   defaults=defaults, text_length=L, device=device, components=components)
    print(json.dumps({"package": str(args.out)}))


if __name__ == "__main__":
    main()
