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

Only Wan 2.1 I2V (family wan2.1-i2v-14b). Wan 2.2 I2V-A14B is a different model for this format: two expert
transformers switched at a timestep boundary, and no CLIP image tokens; it would need its own family row.

Each component is wrapped so that its TorchScript signature is the one the Java engine calls, and so that the
conditioning is what WanImageToVideoPipeline builds (the tiny-wan-i2v fixture has the same signatures):
  text_encoder(input_ids [B, L] int64) -> [B, L, 4096]; padding (id 0) positions zeroed as WanPipeline does
  image_encoder(video [1, 3, T, H, W] in [-1, 1]: the start image, then T-1 zero frames)
      -> condition [1, 20, F, H/8, W/8]: the first-frame mask (4 channels, 1 on latent frame 0) and the
         normalised VAE latent of that clip (16 channels, the distribution's mode as the pipeline's "argmax")
       , image tokens [1, 257, 1280]: CLIP ViT-H/14's penultimate hidden states of the start image (resized so its
         short side is 224, centre-cropped, normalised as CLIPImageProcessor does, bicubic in torch)
  denoiser(latents [B, 16, F, h, w], timestep [B] in 0..1000, embeddings [B, L, 4096],
           condition [B, 20, F, h, w], image tokens [B, 257, 1280]) -> velocity [B, 16, F, h, w];
      the transformer gets cat(latents, condition) on channels, and the tokens as encoder_hidden_states_image
  vae_decoder + vae_decoder_step: the chunked causal VAE decoder (wrappers.WanVaeChunk), de-normalisation inside.
NOT YET FRAME-DYNAMIC: image_encoder traces vae.encode, whose Python loop over 4-frame chunks is unrolled at the
traced frame count, and its CLIP resize is baked to the traced aspect; such a package renders only the frame
count and aspect it was traced at (a render of another count fails: frames out != frames asked for).
"""
import json

import torch
import torch.nn.functional as F

from package_writer import WAN_COMPONENTS, export_arguments, write_manifest
from wrappers import MaskedTextEncoder, trace_wan_vae

TEMPORAL, SPATIAL = 4, 8     # the Wan 2.1 VAE's compression (the family row's t and s)
MASK_CHANNELS = TEMPORAL     # one mask channel per pixel frame of a latent frame


class ImageConditioner(torch.nn.Module):
    def __init__(self, vae, clip, processor):
        super().__init__()
        self.vae = vae
        self.clip = clip
        self.short_side = processor.size["shortest_edge"]
        self.crop = processor.crop_size["height"]
        z = vae.config.z_dim
        self.register_buffer("mean", torch.tensor(vae.config.latents_mean).view(1, z, 1, 1, 1))
        self.register_buffer("inv_std", 1.0 / torch.tensor(vae.config.latents_std).view(1, z, 1, 1, 1))
        self.register_buffer("clip_mean", torch.tensor(processor.image_mean).view(1, 3, 1, 1))
        self.register_buffer("clip_std", torch.tensor(processor.image_std).view(1, 3, 1, 1))

    def forward(self, video):
        latent = self.vae.encode(video.to(self.vae.dtype), return_dict=False)[0].mode().float()
        latent = (latent - self.mean) * self.inv_std
        # from the latent's own shape, so the traced module also fits the load's shape probe at other sizes
        mask = torch.zeros_like(latent[:, :MASK_CHANNELS])
        mask[:, :, 0] = 1.0
        return torch.cat([mask, latent], 1), self.tokens(video[:, :, 0])

    def tokens(self, image):
        """CLIPImageProcessor in torch: [0, 1], short side to 224 (bicubic), centre crop 224x224, normalise."""
        x = (image.float() + 1.0) / 2.0
        height, width = int(x.shape[2]), int(x.shape[3])    # fixed by the trace: the native size
        scale = self.short_side / min(height, width)
        size = (max(self.crop, round(height * scale)), max(self.crop, round(width * scale)))
        x = F.interpolate(x, size=size, mode="bicubic", align_corners=False, antialias=True).clamp(0.0, 1.0)
        top = (size[0] - self.crop) // 2
        left = (size[1] - self.crop) // 2
        x = x[:, :, top:top + self.crop, left:left + self.crop]
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


def main():
    p = export_arguments("Wan-AI/Wan2.1-I2V-14B-480P-Diffusers", 832, 480, 81, 512)
    args = p.parse_args()
    if (args.frames - 1) % 4 or args.width % 16 or args.height % 16:
        p.error("frames must be 4k+1 and the size a multiple of 16 (Wan 2.1's VAE and patch size)")

    from diffusers import AutoencoderKLWan, WanImageToVideoPipeline
    from transformers import CLIPVisionModel

    dtype, device = getattr(torch, args.dtype), args.device
    # As diffusers' Wan I2V example: the VAE and the image encoder in float32, the rest in bfloat16.
    vae = AutoencoderKLWan.from_pretrained(args.model, subfolder="vae", torch_dtype=torch.float32)
    clip = CLIPVisionModel.from_pretrained(args.model, subfolder="image_encoder", torch_dtype=torch.float32)
    pipe = WanImageToVideoPipeline.from_pretrained(args.model, vae=vae, image_encoder=clip, torch_dtype=dtype).to(device)
    args.out.mkdir(parents=True, exist_ok=True)
    pipe.tokenizer.backend_tokenizer.save(str(args.out / "tokenizer.json"))

    L, f = args.text_length, (args.frames - 1) // TEMPORAL + 1
    h, w = args.height // SPATIAL, args.width // SPATIAL
    ids = torch.ones(2, L, dtype=torch.long, device=device)
    video = torch.zeros(1, 3, args.frames, args.height, args.width, device=device)
    video[:, :, 0] = torch.rand(1, 3, args.height, args.width, device=device) * 2 - 1
    latents = torch.randn(2, 16, f, h, w, device=device)
    with torch.no_grad():
        enc = torch.jit.trace(MaskedTextEncoder(pipe.text_encoder).eval(), (ids,), check_trace=False)
        enc.save(str(args.out / "text_encoder.pt"))
        emb = enc(ids)
        conditioner = ImageConditioner(pipe.vae, pipe.image_encoder, pipe.image_processor).to(device).eval()
        img = torch.jit.trace(conditioner, (video,), check_trace=False)
        img.save(str(args.out / "image_encoder.pt"))
        condition, tokens = img(video)
        if tuple(condition.shape) != (1, MASK_CHANNELS + 16, f, h, w):
            raise SystemExit(f"image_encoder condition has shape {tuple(condition.shape)}, expected "
                             f"{(1, MASK_CHANNELS + 16, f, h, w)}")
        t = torch.full((2,), 500.0, device=device)
        torch.jit.trace(Denoiser(pipe.transformer).eval(),
                        (latents, t, emb, condition.repeat(2, 1, 1, 1, 1), tokens.repeat(2, 1, 1)),
                        check_trace=False).save(str(args.out / "denoiser.pt"))
    trace_wan_vae(pipe.vae, args.out, args.height, args.width, device)

    shift = 3.0 if args.height * args.width <= 832 * 480 else 5.0  # diffusers' Wan I2V flow_shift: 3 at 480p, 5 at 720p
    name = "wan2.1-i2v-14b-" + ("480p" if args.height * args.width <= 832 * 480 else "720p")
    write_manifest(args.out, name=name, version=args.version, family="wan2.1-i2v-14b",
                   native_sizes=[(args.width, args.height)], fps=16, frame_rule=(4, 1),
                   latent={"channels": 16, "scale": 1.0, "temporal_compression": 4, "spatial_compression": 8},
                   defaults={"steps": 40, "guidance": 5.0, "shift": shift, "scheduler": "flow-dpmpp-2m"},
                   text_length=L, device=device, components=dict(WAN_COMPONENTS, image_encoder="image_encoder.pt"))
    print(json.dumps({"package": str(args.out)}))


if __name__ == "__main__":
    main()
