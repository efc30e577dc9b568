#!/usr/bin/python3
"""Builds tiny random-weight model packages for the DJL engine tests, and Python reference runs of the samplers.

The components have exactly the signatures of the real exported ones (see docs/models.md):
  text_encoder.pt : input_ids int64 [B, L]                                  -> embeddings float32 [B, L, D]
  denoiser.pt     : latents [B, C, F, h, w], timestep float32 [B] (0..1000),
                    embeddings [B, L, D]                                    -> velocity [B, C, F, h, w]
  vae_decoder.pt  : latents [1, C, F, h, w]                                 -> frames [1, 3, (F-1)*t+1, h*s, w*s] in [-1, 1]
Wan families (a causal VAE) instead carry the chunked decoder, with its caches as explicit tensors:
  vae_decoder.pt      : latent frame 0 [1, C, 1, h, w]           -> frames [1, 3, 1, H, W], caches...
  vae_decoder_step.pt : latent frame i [1, C, 1, h, w], caches... -> frames [1, 3, t, H, W], caches...
Image-to-video families (tiny-wan-i2v) add the chunked causal image encoder
  image_encoder.pt      : start image [1, 3, 1, H, W], its centre square [1, 3, S, S] -> latent frame 0, tokens, caches...
  image_encoder_step.pt : 4 zero frames [1, 3, 4, H, W], caches...                   -> latent frame i, caches...
and their denoiser takes condition [B, t + C, F, h, w] (the first-frame mask, then those latents) and image context
[B, N, Di] after the embeddings.
Two-expert families (tiny-wan-a14b, as Wan 2.2 A14B) add denoiser_low.pt, the low-noise expert, with the same
signature and other weights, and a boundary and guidance_2 in the manifest's defaults. tiny-wan22-i2v (Wan 2.2 I2V
A14B) is both, without image tokens: its image_encoder returns latent frame 0 and caches, its denoisers take the
condition alone. tiny-fastwan samples with flow-dmd (FastVideo's DMD loop; its reference keeps the re-noise tensors).
tiny-ltx-distilled (LTX-Video distilled, one pass over explicit noise levels, guidance 1) has LTX's
timestep-conditioned decoder:
  vae_decoder.pt  : latents [1, C, F, h, w], decode noise [1, C, F, h, w], [timestep, noise scale] -> frames
The weights are random: the output is noise-coloured mush, but every shape, dtype and the sampler's
arithmetic are the real ones, so Java can be checked against this file's sampler to float precision.

Usage: /usr/bin/python3 export/make_tiny_fixtures.py OUT_DIR
Needs Debian's python3-torch (1.13). Without it, prints why, writes OUT_DIR/SKIPPED and exits 0, so the
build goes on and every DJL test that needs a fixture fails with that reason.
"""
import hashlib
import json
import math
import re
import struct
import sys
from pathlib import Path

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "target/fixtures")
SCRIPT_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as e:  # the build goes on; the tests say why they skipped
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "SKIPPED").write_text(f"python3-torch is not installed ({e}); run scripts/test-deps.sh\n")
    print(f"[tiny-fixtures] skipped: python3-torch is not installed ({e})")
    sys.exit(0)

WORDS = ("a an the of in on at to and with through over under into by is are "
         "red blue green golden white black dark bright small big old young "
         "fox cat dog bird horse city street forest river sea ocean mountain snow rain sky sun sunset dawn night "
         "runs walks flies swims falls glows drone shot close up wide slow motion "
         "static camera fixed tripod no movement motion pan zoom shaking handheld tilt orbit dolly "
         "blurry low quality distorted worst watermark text , .").split()
PAD, UNK = 0, 1
VOCAB = {"<pad>": PAD, "<unk>": UNK}
for w in WORDS:
    VOCAB.setdefault(w, len(VOCAB))
TEXT_LENGTH = 16
TEXT_DIM = 32
IMAGE_DIM = 24
MASK_CHANNELS = 4


def tokenizer_json():
    """A WordLevel tokenizer.json, written by hand: lowercase, split on whitespace and punctuation."""
    special = lambda i, c: {"id": i, "content": c, "single_word": False, "lstrip": False, "rstrip": False,
                            "normalized": False, "special": True}
    return {"version": "1.0", "truncation": None, "padding": None,
            "added_tokens": [special(PAD, "<pad>"), special(UNK, "<unk>")],
            "normalizer": {"type": "Lowercase"}, "pre_tokenizer": {"type": "Whitespace"},
            "post_processor": None, "decoder": None,
            "model": {"type": "WordLevel", "vocab": VOCAB, "unk_token": "<unk>"}}


def token_ids(text):
    """What the tokenizer above does, then padded/cut to TEXT_LENGTH as the Java engine does."""
    ids = [VOCAB.get(w, UNK) for w in re.findall(r"\w+|[^\w\s]+", text.lower())][:TEXT_LENGTH]
    return ids + [PAD] * (TEXT_LENGTH - len(ids))


class TextEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(len(VOCAB), TEXT_DIM)
        self.proj = nn.Linear(TEXT_DIM, TEXT_DIM)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return torch.tanh(self.proj(self.embed(input_ids)))


class Denoiser(nn.Module):
    def __init__(self, channels: int, out_channels: int):
        super().__init__()
        self.spatial = nn.Conv3d(channels, channels, 3, padding=1, groups=channels)
        self.mix = nn.Conv3d(channels, out_channels, 1)
        self.ctx = nn.Linear(TEXT_DIM, out_channels)

    def forward(self, latents: torch.Tensor, timestep: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.mix(self.spatial(latents)))
        t = torch.sin(timestep / 1000.0 * 3.14159265).unsqueeze(1)           # [B, 1]
        c = self.ctx(context.mean(dim=1)) * (1.0 + t)                         # [B, C]
        return 0.5 * h + c.unsqueeze(2).unsqueeze(3).unsqueeze(4) - 0.3 * latents[:, : h.size(1)]


class ImageCore(nn.Module):
    """Wan I2V's causal VAE encoder in miniature: a chunk of frames (the start image, then 4 at a time) to one
    latent frame, with a cache (the last latent frame) carried from chunk to chunk as a tensor."""

    def __init__(self, channels: int, spatial: int):
        super().__init__()
        self.proj = nn.Conv3d(3, channels, 1)
        self.spatial = spatial

    def forward(self, frames: torch.Tensor, cache: torch.Tensor):
        pooled = F.avg_pool2d(frames.mean(dim=2), self.spatial).unsqueeze(2)      # [1, 3, 1, h, w]
        latent = torch.tanh(self.proj(pooled) + 0.5 * cache)
        return latent, latent


class FirstImageChunk(nn.Module):
    """image_encoder: the start image [1, 3, 1, H, W] and its centre square [1, 3, S, S] (both in [-1, 1]) ->
    latent frame 0 [1, C, 1, h, w], image tokens [1, N, Di] (from the square, resized to the encoder's own size, as
    CLIP's preprocessing does), the cache."""

    def __init__(self, core: ImageCore, channels: int):
        super().__init__()
        self.core = core
        self.channels = channels
        self.tokens = nn.Linear(3, IMAGE_DIM)

    def forward(self, image: torch.Tensor, square: torch.Tensor):
        b, _, _, height, width = image.shape
        cache = torch.zeros(b, self.channels, 1, height // self.core.spatial, width // self.core.spatial,
                            dtype=image.dtype)
        latent, cache = self.core(image, cache)
        clip = F.interpolate(square, size=[8, 8], mode="bilinear", align_corners=False)
        pooled = F.adaptive_avg_pool2d(clip, [2, 2]).flatten(2).transpose(1, 2)   # [1, 4, 3]
        return latent, torch.tanh(self.tokens(pooled)), cache


class LatentImageChunk(nn.Module):
    """Wan 2.2 I2V A14B's image_encoder (no CLIP): the start image (and the square, unused) -> latent frame 0, cache."""

    def __init__(self, core: ImageCore, channels: int):
        super().__init__()
        self.core = core
        self.channels = channels

    def forward(self, image: torch.Tensor, square: torch.Tensor):
        b, _, _, height, width = image.shape
        cache = torch.zeros(b, self.channels, 1, height // self.core.spatial, width // self.core.spatial,
                            dtype=image.dtype)
        return self.core(image, cache)


class NextImageChunk(nn.Module):
    """image_encoder_step: the next 4 frames (zeros after the start image) and the cache -> latent frame, cache."""

    def __init__(self, core: ImageCore):
        super().__init__()
        self.core = core

    def forward(self, frames: torch.Tensor, cache: torch.Tensor):
        return self.core(frames, cache)


def image_condition(first, step, rgb, latent_frames, temporal, tokens=True):
    """What the Java engine builds from the two modules: [mask (t channels, 1 on latent frame 0), latents], and the
    tokens when the encoder returns them (Wan 2.1 I2V; not Wan 2.2 I2V A14B)."""
    img = rgb.permute(2, 0, 1).to(torch.float32) / 127.5 - 1.0                # [3, h, w]
    h, w = img.shape[1], img.shape[2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    square = img[:, top:top + side, left:left + side].unsqueeze(0)
    with torch.no_grad():
        out = first(img.unsqueeze(0).unsqueeze(2), square)
        latents, cache = [out[0]], out[2:] if tokens else out[1:]
        tokens = out[1] if tokens else None
        for _ in range(1, latent_frames):
            out = step(torch.zeros(1, 3, temporal, h, w), *cache)
            latents.append(out[0])
            cache = out[1:]
    latent = torch.cat(latents, 2)
    mask = torch.zeros(1, temporal, latent.size(2), latent.size(3), latent.size(4))
    mask[:, :, 0] = 1.0
    condition = torch.cat([mask, latent], 1)
    return (condition,) if tokens is None else (condition, tokens)


class I2VDenoiser(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        joined = 2 * channels + MASK_CHANNELS
        self.spatial = nn.Conv3d(joined, joined, 3, padding=1, groups=joined)
        self.mix = nn.Conv3d(joined, channels, 1)
        self.ctx = nn.Linear(TEXT_DIM, channels)
        self.img = nn.Linear(IMAGE_DIM, channels)

    def forward(self, latents: torch.Tensor, timestep: torch.Tensor, context: torch.Tensor,
                condition: torch.Tensor, image_context: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.mix(self.spatial(torch.cat([latents, condition], 1))))
        t = torch.sin(timestep / 1000.0 * 3.14159265).unsqueeze(1)
        c = (self.ctx(context.mean(dim=1)) + self.img(image_context.mean(dim=1))) * (1.0 + t)
        return 0.5 * h + c.unsqueeze(2).unsqueeze(3).unsqueeze(4) - 0.3 * latents


class TokenDenoiser(Denoiser):
    """Wan 2.2 TI2V 5B's denoiser with expand_timesteps: a timestep per token [B, F (h/2) (w/2)] (patch 1x2x2), each
    scaling its own 2x2 latent pixels, so that 0 on latent frame 0's tokens shows in the output."""

    def forward(self, latents: torch.Tensor, timestep: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.mix(self.spatial(latents)))
        b, f, hh, ww = latents.size(0), latents.size(2), latents.size(3), latents.size(4)
        t = torch.sin(timestep / 1000.0 * 3.14159265).view(b, 1, f, hh // 2, ww // 2)
        t = t.repeat_interleave(2, dim=3).repeat_interleave(2, dim=4)             # [B, 1, F, h, w]
        c = self.ctx(context.mean(dim=1)).unsqueeze(2).unsqueeze(3).unsqueeze(4)  # [B, C, 1, 1, 1]
        return 0.5 * h + c * (1.0 + t) - 0.3 * latents


def java_gaussians(seed, shape):
    """java.util.Random(seed).nextGaussian() as specified (the 48-bit LCG, the polar method), as float32: the noise
    the Java engine's SeededNoise draws for a render with this seed."""
    mask = (1 << 48) - 1
    state = [(seed ^ 0x5DEECE66D) & mask]

    def bits(n):
        state[0] = (state[0] * 0x5DEECE66D + 0xB) & mask
        return state[0] >> (48 - n)

    def uniform():
        return ((bits(26) << 27) + bits(27)) * 2.0 ** -53

    out, count = [], 1
    for d in shape:
        count *= d
    while len(out) < count:
        while True:
            v1, v2 = 2 * uniform() - 1, 2 * uniform() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        m = math.sqrt(-2 * math.log(s) / s)
        out += [v1 * m, v2 * m]
    return torch.tensor(out[:count], dtype=torch.float32).view(shape)


def ti2v_inputs(x, t, first):
    """WanImageToVideoPipeline's denoiser inputs with expand_timesteps (diffusers' code): the mask 0 on latent frame 0
    with a start image, latent_model_input = (1 - mask) condition + mask latents, timestep = (mask[0][0][:, ::2, ::2]
    t).flatten() for each row; WanPipeline's text mode is the same with the mask all ones."""
    mask = torch.ones(1, 1, x.size(2), x.size(3), x.size(4))
    if first is not None:
        mask[:, :, 0] = 0
        x = (1 - mask) * first + mask * x
    ts = (mask[0][0][:, ::2, ::2] * t).flatten()
    return x, ts.unsqueeze(0).expand(x.size(0), -1)


class LatentI2VDenoiser(I2VDenoiser):
    """Wan 2.2 I2V A14B's denoisers: latents and condition, no image tokens (its img layer stays unused)."""

    def forward(self, latents: torch.Tensor, timestep: torch.Tensor, context: torch.Tensor,
                condition: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.mix(self.spatial(torch.cat([latents, condition], 1))))
        t = torch.sin(timestep / 1000.0 * 3.14159265).unsqueeze(1)
        c = self.ctx(context.mean(dim=1)) * (1.0 + t)
        return 0.5 * h + c.unsqueeze(2).unsqueeze(3).unsqueeze(4) - 0.3 * latents


class VaeDecoder(nn.Module):
    def __init__(self, channels: int, temporal: int, spatial: int):
        super().__init__()
        self.proj = nn.Conv3d(channels, 3, 1)
        self.temporal = temporal
        self.spatial = spatial

    def forward(self, latents: torch.Tensor) -> torch.Tensor:
        f = (latents.size(2) - 1) * self.temporal + 1
        size = [f, latents.size(3) * self.spatial, latents.size(4) * self.spatial]
        return torch.tanh(F.interpolate(self.proj(latents), size=size, mode="trilinear", align_corners=True))


class NoisyVaeDecoder(VaeDecoder):
    """LTX's timestep-conditioned decode in miniature: the decode noise mixed into the latents by its scale, the decode
    timestep scaling the output, as export_ltx_video.py's wrapper takes them: (latents, noise, [timestep, scale])."""

    def forward(self, latents: torch.Tensor, noise: torch.Tensor, decode: torch.Tensor) -> torch.Tensor:
        mixed = (1.0 - decode[1]) * latents + decode[1] * noise
        f = (latents.size(2) - 1) * self.temporal + 1
        size = [f, latents.size(3) * self.spatial, latents.size(4) * self.spatial]
        return torch.tanh(F.interpolate(self.proj(mixed), size=size, mode="trilinear", align_corners=True)
                          * (1.0 + 4.0 * decode[0]))


class CausalCore(nn.Module):
    """Wan's causal VAE decoder in miniature: one latent frame in, t frames out, two causal caches (the last two
    latent frames, the last decoded frame) carried from chunk to chunk as tensors."""

    def __init__(self, channels: int, temporal: int, spatial: int):
        super().__init__()
        self.time = nn.Conv3d(channels, 3 * temporal, (3, 1, 1))
        self.temporal = temporal
        self.spatial = spatial

    def forward(self, latent: torch.Tensor, window_cache: torch.Tensor, frame_cache: torch.Tensor):
        window = torch.cat([window_cache, latent], 2)                         # [1, C, 3, h, w]
        y = self.time(window)                                                 # [1, 3t, 1, h, w]
        y = y.view(y.size(0), 3, self.temporal, y.size(3), y.size(4))
        y = F.interpolate(y, size=[self.temporal, y.size(3) * self.spatial, y.size(4) * self.spatial],
                          mode="trilinear", align_corners=True)
        video = torch.tanh(y + 0.5 * frame_cache)
        return video, window[:, :, 1:], video[:, :, -1:]


class FirstChunk(nn.Module):
    """vae_decoder of a causal VAE: latent frame 0 decodes to one frame (zero caches before it)."""

    def __init__(self, core: CausalCore):
        super().__init__()
        self.core = core

    def forward(self, latent: torch.Tensor):
        b, c, _, h, w = latent.shape
        window = torch.zeros(b, c, 2, h, w, dtype=latent.dtype)
        frame = torch.zeros(b, 3, 1, h * self.core.spatial, w * self.core.spatial, dtype=latent.dtype)
        video, window, frame = self.core(latent, window, frame)
        return video[:, :, -1:], window, video[:, :, -1:]


class NextChunk(nn.Module):
    """vae_decoder_step: each later latent frame decodes to t frames, given the caches the last chunk returned."""

    def __init__(self, core: CausalCore):
        super().__init__()
        self.core = core

    def forward(self, latent: torch.Tensor, window: torch.Tensor, frame: torch.Tensor):
        return self.core(latent, window, frame)


def chunked(first, step):
    """The decode loop the Java engine runs over a causal VAE's two modules."""
    def decode(latents):
        out = first(latents[:, :, :1])
        pieces = [out[0]]
        for i in range(1, latents.size(2)):
            out = step(latents[:, :, i:i + 1], *out[1:])
            pieces.append(out[0])
        return torch.cat(pieces, 2)
    return decode


class FixedFramesDecoder(VaeDecoder):
    """What a whole-clip trace of a causal VAE does: always the frame count it was traced at (here that of two
    latent frames, so the load's shape probe passes), whatever it is given. The engine must fail such a render."""

    def __init__(self, channels: int, temporal: int, spatial: int):
        super().__init__(channels, temporal, spatial)
        self.fixed = temporal + 1

    def forward(self, latents: torch.Tensor) -> torch.Tensor:
        size = [self.fixed, latents.size(3) * self.spatial, latents.size(4) * self.spatial]
        return torch.tanh(F.interpolate(self.proj(latents), size=size, mode="trilinear", align_corners=True))


def sigmas(steps, shift):
    out = []
    for i in range(steps + 1):
        t = 1.0 - i / steps
        out.append(shift * t / (1.0 + (shift - 1.0) * t))
    return out


def euler(s):
    """Flow-matching Euler: the latents move along the velocity to the next sigma."""
    return lambda i, x, v: x + (s[i + 1] - s[i]) * v


def lam(sigma):
    """log(alpha / sigma) with alpha = 1 - sigma, in float64 tensors as Wan's scheduler has it: -inf at 1, inf at 0."""
    sigma = torch.tensor(sigma, dtype=torch.float64)
    return torch.log(1.0 - sigma) - torch.log(sigma)


class DpmSolver2M:
    """DPM-Solver++ (2M) as Wan's FlowDPMSolverMultistepScheduler steps it (solver_order=2, solver_type='midpoint',
    algorithm_type='dpmsolver++', final_sigmas_type='zero'): the velocity is converted to a clean-sample
    prediction x0 = x - sigma v, the first step (nothing before it) and the last step are first order, the others
    the multistep midpoint update. Written after the scheduler's own code, not after the Java one."""

    def __init__(self, s):
        self.s = s
        self.prev = None

    def __call__(self, i, x, v):
        s = self.s
        x0 = x - s[i] * v
        sigma_t, sigma_s0 = s[i + 1], s[i]
        alpha_t = 1.0 - sigma_t
        h = lam(sigma_t) - lam(sigma_s0)
        if self.prev is None or i == len(s) - 2:
            x = (sigma_t / sigma_s0) * x - alpha_t * (torch.exp(-h) - 1.0) * x0
        else:
            h_0 = lam(sigma_s0) - lam(s[i - 1])
            r0 = h_0 / h
            d0, d1 = x0, (1.0 / r0) * (x0 - self.prev)
            x = ((sigma_t / sigma_s0) * x - alpha_t * (torch.exp(-h) - 1.0) * d0
                 - 0.5 * alpha_t * (torch.exp(-h) - 1.0) * d1)
        self.prev = x0
        return x


SCHEDULERS = {"flow-euler": euler, "flow-dpmpp-2m": DpmSolver2M}


class DmdTable:
    """FastVideo's DMD stage's own FlowMatchEulerDiscreteScheduler(shift), never set to the inference steps: the
    1000-step training table in float32 (timesteps = linspace(1, 1000, 1000)[::-1], sigmas = shift s / (1 + (shift - 1) s)
    with s = timesteps / 1000, timesteps = sigmas * 1000), and the nearest-timestep lookup of its
    pred_noise_to_pred_video and add_noise (torch.argmin: the first on a tie). Written after FastVideo's code."""

    def __init__(self, shift):
        t = torch.linspace(1, 1000, 1000, dtype=torch.float32).flip(0)
        s = t / 1000
        self.sigmas = shift * s / (1 + (shift - 1) * s)
        self.timesteps = self.sigmas * 1000

    def sigma(self, timestep):
        return self.sigmas[torch.argmin((self.timesteps - float(timestep)).abs())]


@torch.no_grad()
def sample_dmd(enc, den, dec, noise, renoise, prompt, timesteps, shift):
    """FastVideo's DmdStrategy.forward: no guidance (one forward of the prompt), the denoiser at the timestep itself,
    x0 = x - sigma_t v, then re-noised to the next timestep, (1 - sigma_next) x0 + sigma_next eps; the last step
    returns x0. renoise: the fresh noise of each later step (drawn here, given to Java)."""
    table = DmdTable(shift)
    ids = torch.tensor([token_ids(prompt)], dtype=torch.long)
    ctx = enc(ids)
    x = noise.clone()
    for i, t in enumerate(timesteps):
        v = den(x, torch.tensor([float(t)], dtype=torch.float32), ctx)
        x0 = x - table.sigma(t) * v
        if i == len(timesteps) - 1:
            x = x0
        else:
            nxt = table.sigma(timesteps[i + 1])
            x = (1 - nxt) * x0 + nxt * renoise[i]
    return ids, x, dec(x)


@torch.no_grad()
def sample_distilled(enc, den, dec, noise, decode_noise, prompt, sigmas_list, decode):
    """A distilled one-pass LTX run as LTXConditionPipeline makes it with explicit timesteps: no guidance (one forward
    of the prompt), Euler over the given noise levels to 0, then the decode noise and timestep into the decoder."""
    ids = torch.tensor([token_ids(prompt)], dtype=torch.long)
    ctx = enc(ids)
    x = noise.clone()
    s = list(sigmas_list) + [0.0]
    for i in range(len(sigmas_list)):
        v = den(x, torch.tensor([s[i] * 1000.0], dtype=torch.float32), ctx)
        x = x + (s[i + 1] - s[i]) * v
    return ids, x, dec(x, decode_noise, torch.tensor(decode, dtype=torch.float32))


@torch.no_grad()
def sample(enc, den, dec, noise, prompt, negative, steps, guidance, shift, scale, scheduler, image=None, experts=None,
           ti2v=None):
    """The reference flow-matching sampler with CFG; the Java one must match it step for step.
    image: (condition, image context) of an image-to-video model (the condition alone for Wan 2.2 I2V A14B), the same
    for both halves of the batch. experts: (low-noise denoiser, boundary, its guidance) of a two-expert model, switched
    as diffusers' Wan pipelines do: t >= boundary * 1000 runs den with guidance, later steps the low-noise one.
    ti2v: (latent frame 0 of the start image, or None for text mode) of Wan 2.2 TI2V 5B (ti2v_inputs)."""
    ids = torch.tensor([token_ids(prompt), token_ids(negative)], dtype=torch.long)
    ctx = enc(ids)                                                            # [2, L, D]: cond, uncond
    x = noise.clone()
    s = sigmas(steps, shift)
    step = SCHEDULERS[scheduler](s)
    extra = [] if image is None else [torch.cat([a, a]) for a in image]
    for i in range(steps):
        ts = torch.tensor([s[i] * 1000.0] * 2, dtype=torch.float32)
        model, g = den, guidance
        if experts is not None and not s[i] * 1000.0 >= experts[1] * 1000.0:
            model, g = experts[0], experts[2]
        if ti2v is None:
            v = model(torch.cat([x, x]), ts, ctx, *extra)
        else:
            v = model(*ti2v_inputs(torch.cat([x, x]), torch.tensor(s[i] * 1000.0, dtype=torch.float32), ti2v[0]), ctx)
        vc, vu = v.chunk(2)
        x = step(i, x, vu + g * (vc - vu))
    if ti2v is not None and ti2v[0] is not None:
        x = ti2v_inputs(x, torch.tensor(0.0), ti2v[0])[0]     # the image latent put back before decode
    return ids, x, dec(x / scale)


def write_f32(path, tensor):
    flat = tensor.detach().contiguous().view(-1).tolist()
    path.write_bytes(struct.pack("<%df" % len(flat), *flat))


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


PACKAGES = {
    # name: family, native sizes, fps, frame rule, latent (channels, temporal, spatial), defaults (the family's
    # scheduler: DPM-Solver++ for Wan, Euler for LTX)
    "tiny-wan": dict(family="wan2.1-t2v-1.3b", sizes=[[64, 32], [32, 64]], fps=16, frames=[4, 1],
                     latent=(16, 4, 8), steps=4, guidance=5.0, shift=3.0, scheduler="flow-dpmpp-2m"),
    "tiny-ltx": dict(family="ltx-video", sizes=[[64, 64], [96, 64]], fps=24, frames=[8, 1],
                     latent=(128, 8, 32), steps=4, guidance=3.0, shift=1.5, scheduler="flow-euler"),
    # loads, but its denoiser returns half the channels: the engine must refuse it when it probes shapes
    "tiny-wan-badshape": dict(family="wan2.1-t2v-1.3b", sizes=[[64, 32]], fps=16, frames=[4, 1],
                              latent=(16, 4, 8), steps=4, guidance=5.0, shift=3.0, scheduler="flow-dpmpp-2m",
                              bad=True),
    # its decoder returns the frame count of two latent frames whatever it is given: renders must fail
    "tiny-ltx-fixedframes": dict(family="ltx-video", sizes=[[64, 64]], fps=24, frames=[8, 1],
                                 latent=(128, 8, 32), steps=4, guidance=3.0, shift=1.5, scheduler="flow-euler",
                                 fixed_frames=True),
    # image-to-video: an image encoder, and a denoiser conditioned on its outputs
    "tiny-wan-i2v": dict(family="wan2.1-i2v-14b", sizes=[[64, 32]], fps=16, frames=[4, 1],
                         latent=(16, 4, 8), steps=4, guidance=5.0, shift=5.0, scheduler="flow-dpmpp-2m", i2v=True),
    # Wan 2.2 A14B's two experts: a second denoiser (other weights) below the boundary; with shift 12 the 4 steps'
    # sigmas are 1, 0.973, 0.923 (high noise, >= 0.875) and 0.8 (low noise)
    "tiny-wan-a14b": dict(family="wan2.2-t2v-a14b", sizes=[[64, 32]], fps=16, frames=[4, 1],
                          latent=(16, 4, 8), steps=4, guidance=4.0, shift=12.0, scheduler="flow-dpmpp-2m",
                          boundary=0.875, guidance_2=3.0),
    # Wan 2.2 I2V A14B: two experts over the image condition, no image tokens; with shift 5 the 4 steps' sigmas are
    # 1, 0.9375 (high noise, >= 0.9), 0.833, 0.625 (low noise, another guidance)
    "tiny-wan22-i2v": dict(family="wan2.2-i2v-a14b", sizes=[[64, 32]], fps=16, frames=[4, 1],
                           latent=(16, 4, 8), steps=4, guidance=3.5, shift=5.0, scheduler="flow-dpmpp-2m",
                           i2v=True, tokens=False, boundary=0.9, guidance_2=2.0),
    # Wan 2.2 TI2V 5B (and FastWan 2.2's) image mode: an image_encoder returning the start image's latent frame 0 (no
    # step, no condition input), a denoiser taking a timestep per token; text mode with the same package. 1 s at
    # 24 fps: 25 frames, 7 latent frames of 2x4 (2 tokens each)
    "tiny-wan22-ti2v": dict(family="wan2.2-ti2v-5b", sizes=[[64, 32]], fps=24, frames=[4, 1],
                            latent=(48, 4, 16), steps=4, guidance=5.0, shift=5.0, scheduler="flow-dpmpp-2m", ti2v=True),
    # FastWan 2.1 (FastVideo's DMD-distilled Wan 2.1 T2V 1.3B): timesteps 1000, 757, 522, no guidance, shift 8
    "tiny-fastwan": dict(family="wan2.1-t2v-1.3b", sizes=[[64, 32]], fps=16, frames=[4, 1],
                         latent=(16, 4, 8), steps=3, guidance=1.0, shift=8.0, scheduler="flow-dmd",
                         sigmas=[1.0, 0.757, 0.522]),
    # LTX-Video 0.9.7/0.9.8 distilled, one pass: the ltx-distilled-8step schedule (export_ltx_video.py), guidance 1,
    # shift 1, and a timestep-conditioned decoder taking the decode noise (timestep 0.05, noise scale 0.025)
    "tiny-ltx-distilled": dict(family="ltx-video-distilled", sizes=[[64, 64]], fps=24, frames=[8, 1],
                               latent=(128, 8, 32), steps=8, guidance=1.0, shift=1.0, scheduler="flow-euler",
                               sigmas=[1.0, 0.993, 0.987, 0.981, 0.975, 0.909, 0.725, 0.00003], decode=[0.05, 0.025]),
}
# The reference runs of every package with each scheduler: DPM-Solver++ with enough steps that several are
# second order (its first, second (after sigma 1) and last steps are first order).
REFERENCE_STEPS = {"flow-euler": 4, "flow-dpmpp-2m": 7}


def start_image(w, h):
    """A fixed 8-bit RGB start image [h, w, 3] (a gradient with a square), as the Java test rebuilds it."""
    y, x = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
    rgb = torch.stack([(x * 255) // max(1, w - 1), (y * 255) // max(1, h - 1), ((x + y) * 7) % 256], dim=2)
    rgb[h // 4: h // 2, w // 4: w // 2] = torch.tensor([250, 20, 30])
    return rgb.to(torch.uint8)


def build(name, p):
    torch.manual_seed(7)
    d = OUT / name
    d.mkdir(parents=True, exist_ok=True)
    channels, temporal, spatial = p["latent"]
    enc = TextEncoder().eval()
    tokens = p.get("tokens", True)
    den = ((I2VDenoiser(channels) if tokens else LatentI2VDenoiser(channels)) if p.get("i2v")
           else TokenDenoiser(channels, channels) if p.get("ti2v")
           else Denoiser(channels, channels // 2 if p.get("bad") else channels)).eval()
    causal = p["family"].startswith("wan")
    img = None
    if p.get("i2v"):
        image_core = ImageCore(channels, spatial).eval()
        img = (torch.jit.script((FirstImageChunk if tokens else LatentImageChunk)(image_core, channels).eval()),
               torch.jit.script(NextImageChunk(image_core).eval()))
    elif p.get("ti2v"):
        img = (torch.jit.script(LatentImageChunk(ImageCore(channels, spatial).eval(), channels).eval()), None)
    torch.jit.script(enc).save(str(d / "text_encoder.pt"))
    torch.jit.script(den).save(str(d / "denoiser.pt"))
    files = {"tokenizer": "tokenizer.json", "text_encoder": "text_encoder.pt",
             "denoiser": "denoiser.pt", "vae_decoder": "vae_decoder.pt"}
    den_low = None
    if "boundary" in p:
        den_low = (LatentI2VDenoiser(channels) if p.get("i2v") else Denoiser(channels, channels)).eval()
        torch.jit.script(den_low).save(str(d / "denoiser_low.pt"))
        files["denoiser_low"] = "denoiser_low.pt"
    if causal:
        core = CausalCore(channels, temporal, spatial).eval()
        first, step = torch.jit.script(FirstChunk(core)), torch.jit.script(NextChunk(core))
        first.save(str(d / "vae_decoder.pt"))
        step.save(str(d / "vae_decoder_step.pt"))
        files["vae_decoder_step"] = "vae_decoder_step.pt"
        dec = chunked(first, step)
    else:
        dec = (FixedFramesDecoder if p.get("fixed_frames") else NoisyVaeDecoder if "decode" in p
               else VaeDecoder)(channels, temporal, spatial).eval()
        torch.jit.script(dec).save(str(d / "vae_decoder.pt"))
    (d / "tokenizer.json").write_text(json.dumps(tokenizer_json(), indent=1))
    if img is not None:
        img[0].save(str(d / "image_encoder.pt"))
        files["image_encoder"] = "image_encoder.pt"
        if img[1] is not None:
            img[1].save(str(d / "image_encoder_step.pt"))
            files["image_encoder_step"] = "image_encoder_step.pt"
    manifest = {
        "name": name, "version": "test-1", "family": p["family"],
        "components": {k: {"file": f, "sha256": sha256(d / f)} for k, f in files.items()},
        "native_sizes": p["sizes"], "fps": p["fps"],
        "frames": {"multiple": p["frames"][0], "offset": p["frames"][1]},
        "latent": {"channels": channels, "scale": 1.0, "temporal_compression": temporal,
                   "spatial_compression": spatial},
        "defaults": {"steps": p["steps"], "guidance": p["guidance"], "shift": p["shift"], "scheduler": p["scheduler"]},
        "text_length": TEXT_LENGTH, "device": "cpu",
    }
    if "boundary" in p:
        manifest["defaults"].update(boundary=p["boundary"], guidance_2=p["guidance_2"])
    if "sigmas" in p:
        manifest["defaults"]["sigmas"] = p["sigmas"]
    if "decode" in p:
        manifest["decode"] = {"timestep": p["decode"][0], "noise_scale": p["decode"][1]}
    (d / "manifest.json").write_text(json.dumps(manifest, indent=2))
    if p.get("bad") or p.get("fixed_frames"):
        return  # no torch reference run
    # reference run: 1 s at the family's fps, first native size; latent shape from the frame rule
    w, h = p["sizes"][0]
    frames = round(p["fps"] / p["frames"][0]) * p["frames"][0] + p["frames"][1]
    shape = [1, channels, (frames - 1) // temporal + 1, h // spatial, w // spatial]
    g = torch.Generator().manual_seed(1234)
    noise = torch.randn(shape, generator=g, dtype=torch.float32)
    prompt, negative = "a red fox runs through the snow at dawn", "blurry, low quality"
    ref = OUT / (name + "-reference")
    ref.mkdir(exist_ok=True)
    image = None
    if img is not None:
        rgb = start_image(w, h)
        (ref / "image.rgb").write_bytes(bytes(rgb.flatten().tolist()))
        image = None if p.get("ti2v") else image_condition(img[0], img[1], rgb, shape[2], temporal, tokens)
    write_f32(ref / "noise.f32", noise)
    runs = {}
    if p["scheduler"] == "flow-dmd":
        timesteps = [round(s * 1000) for s in p["sigmas"]]
        renoise = [torch.randn(shape, generator=g, dtype=torch.float32) for _ in timesteps[1:]]
        for i, eps in enumerate(renoise):
            write_f32(ref / f"renoise-{i + 1}.f32", eps)
        ids, latents, video = sample_dmd(enc, den, dec, noise, renoise, prompt, timesteps, p["shift"])
        write_f32(ref / "latents-flow-dmd.f32", latents)
        write_f32(ref / "frames-flow-dmd.f32", video)
        runs["flow-dmd"] = {"steps": len(timesteps), "latents": "latents-flow-dmd.f32", "frames": "frames-flow-dmd.f32",
                            "sigmas": p["sigmas"], "noise_levels": [float(DmdTable(p["shift"]).sigma(t)) for t in timesteps],
                            "renoise": [f"renoise-{i + 1}.f32" for i in range(len(renoise))]}
    if "decode" in p:
        decode_noise = torch.randn(shape, generator=g, dtype=torch.float32)
        write_f32(ref / "decode-noise.f32", decode_noise)
        ids, latents, video = sample_distilled(enc, den, dec, noise, decode_noise, prompt, p["sigmas"], p["decode"])
        write_f32(ref / "latents-distilled.f32", latents)
        write_f32(ref / "frames-distilled.f32", video)
        runs["distilled"] = {"steps": len(p["sigmas"]), "latents": "latents-distilled.f32",
                             "frames": "frames-distilled.f32", "decode_noise": "decode-noise.f32"}
    if p.get("ti2v"):
        more, ids, video = ti2v_runs(ref, enc, den, dec, img[0], rgb, p, shape, prompt, negative)
        runs.update(more)
    for scheduler, steps in ({} if p["scheduler"] == "flow-dmd" or "decode" in p or p.get("ti2v")
                             else REFERENCE_STEPS).items():
        ids, latents, video = sample(enc, den, dec, noise, prompt, negative, steps, p["guidance"], p["shift"], 1.0,
                                     scheduler, image,
                                     None if den_low is None else (den_low, p["boundary"], p["guidance_2"]))
        write_f32(ref / f"latents-{scheduler}.f32", latents)
        write_f32(ref / f"frames-{scheduler}.f32", video)
        runs[scheduler] = {"steps": steps, "latents": f"latents-{scheduler}.f32", "frames": f"frames-{scheduler}.f32"}
    (ref / "reference.json").write_text(json.dumps({
        "prompt": prompt, "negative_prompt": negative, "guidance": p["guidance"], "shift": p["shift"],
        "boundary": p.get("boundary"), "guidance_2": p.get("guidance_2"),
        "runs": runs, "token_ids": ids.tolist(), "latent_shape": shape, "frames_shape": list(video.shape),
        "frames": frames, "image_size": [w, h] if img is not None else None,
    }, indent=2))


def ti2v_runs(ref, enc, den, dec, first_chunk, rgb, p, shape, prompt, negative):
    """Wan 2.2 TI2V 5B's reference runs, as a render of the Java engine makes them with the manifest's defaults: the
    initial noise java.util.Random's Gaussians for seed 42, from the start image (its latent frame 0 from the image
    encoder) and from the prompt alone."""
    img = rgb.permute(2, 0, 1).to(torch.float32) / 127.5 - 1.0
    side = min(img.shape[1], img.shape[2])
    top, left = (img.shape[1] - side) // 2, (img.shape[2] - side) // 2
    with torch.no_grad():
        first = first_chunk(img.unsqueeze(0).unsqueeze(2), img[:, top:top + side, left:left + side].unsqueeze(0))[0]
    noise = java_gaussians(42, shape)
    runs = {}
    for mode, frame in (("image", first), ("text", None)):
        ids, latents, video = sample(enc, den, dec, noise, prompt, negative, p["steps"], p["guidance"], p["shift"], 1.0,
                                     p["scheduler"], ti2v=(frame,))
        write_f32(ref / f"latents-{mode}.f32", latents)
        write_f32(ref / f"frames-{mode}.f32", video)
        runs[mode] = {"steps": p["steps"], "seed": 42, "latents": f"latents-{mode}.f32", "frames": f"frames-{mode}.f32"}
    write_f32(ref / "first-frame.f32", first)
    return runs, ids, video


def main():
    stamp = OUT / "STAMP"
    if stamp.exists() and stamp.read_text().strip() == SCRIPT_HASH:
        print(f"[tiny-fixtures] up to date in {OUT}")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "SKIPPED").unlink(missing_ok=True)
    torch.set_num_threads(1)
    for name, p in PACKAGES.items():
        build(name, p)
    stamp.write_text(SCRIPT_HASH + "\n")
    print(f"[tiny-fixtures] wrote {', '.join(PACKAGES)} to {OUT}")


if __name__ == "__main__":
    main()
