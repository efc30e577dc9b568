"""torch.nn wrappers shared by the export scripts: each gives a pipeline part the positional signature the
Java engine calls (docs/models.md)."""
import torch


class MaskedTextEncoder(torch.nn.Module):
    """token ids -> float32 embeddings, padding (id 0) masked out and zeroed, so the denoiser can tell it apart."""

    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids):
        mask = (input_ids != 0).long()
        hidden = self.encoder(input_ids=input_ids, attention_mask=mask).last_hidden_state
        return hidden.float() * mask.unsqueeze(-1).float()


class WanVaeChunk(torch.nn.Module):
    """One chunk of diffusers' AutoencoderKLWan (Wan 2.1 and 2.2) with its causal feature caches as explicit
    tensors, so that a traced module decodes any frame count: a trace of vae.decode unrolls its Python loop over
    latent frames and then returns the traced frame count whatever it is given.

    decode, first:  latent frame 0 [1, z, 1, h, w] (normalised)     -> video [1, 3, 1, H, W], caches...
    decode, step:   latent frame i [1, z, 1, h, w], caches...       -> video [1, 3, 4, H, W], caches...
    encode, first:  pixel frame 0 [1, 3, 1, H, W] in [-1, 1]        -> normalised latent mode [1, z, 1, h, w], caches...
    encode, step:   pixel frames [1, 3, 4, H, W], caches...         -> normalised latent mode [1, z, 1, h, w], caches...

    Every cache is [1, c, 2, h', w']: diffusers keeps one frame after the first chunk, and "Rep" (no cache yet) for
    the time upsampler; to its causal convolutions both are the same as zeros in front, so the step module sees
    one shape from the second chunk on. Run against diffusers 0.36 with random weights, the loop over these
    modules equals vae.decode / vae.encode exactly (max abs 0.0) at other frame counts and sizes than traced."""

    def __init__(self, vae, decode, first):
        super().__init__()
        self.vae, self.decode, self.first = vae, decode, first
        z = vae.config.z_dim
        self.register_buffer("mean", torch.tensor(vae.config.latents_mean).view(1, z, 1, 1, 1))
        self.register_buffer("std", torch.tensor(vae.config.latents_std).view(1, z, 1, 1, 1))

    def forward(self, x, *caches):
        from diffusers.models.autoencoders import autoencoder_kl_wan as akw
        vae = self.vae
        coder = vae.decoder if self.decode else vae.encoder
        n = vae._cached_conv_counts["decoder" if self.decode else "encoder"]
        feat = [None] * n if self.first else list(caches) + [None] * (n - len(caches))
        reps = {}   # the time upsamplers' inputs of the first chunk, for the zeros that stand for "Rep"
        hooks = []
        if self.decode and self.first:
            def grab(module, args, kwargs):
                reps[kwargs["feat_idx"][0]] = args[0]
            hooks = [m.register_forward_pre_hook(grab, with_kwargs=True) for m in coder.modules()
                     if isinstance(m, akw.WanResample) and m.mode == "upsample3d"]
        idx = [0]
        try:
            x = x.to(vae.dtype)
            if self.decode:
                z = x * self.std.to(vae.dtype) + self.mean.to(vae.dtype)
                out = coder(vae.post_quant_conv(z), feat_cache=feat, feat_idx=idx, first_chunk=self.first)
                if vae.config.patch_size is not None:
                    out = akw.unpatchify(out, patch_size=vae.config.patch_size)
                out = out.float().clamp(-1, 1)
            else:
                if vae.config.patch_size is not None:
                    x = akw.patchify(x, patch_size=vae.config.patch_size)
                h = vae.quant_conv(coder(x, feat_cache=feat, feat_idx=idx))
                out = (h[:, : vae.config.z_dim].float() - self.mean) / self.std     # the posterior's mode
        finally:
            for hook in hooks:
                hook.remove()
        outs = []
        for i in range(idx[0]):
            c = feat[i]
            if isinstance(c, str):
                c = torch.zeros_like(reps[i][:, :, :1]).expand(-1, -1, 2, -1, -1).contiguous()
            elif c.shape[2] == 1:
                c = torch.cat([torch.zeros_like(c), c], 2)
            outs.append(c)
        return (out, *outs)


class LatentConditioner(torch.nn.Module):
    """image_encoder of Wan 2.2 I2V A14B and of Wan 2.2 TI2V 5B's image mode: the start image [1, 3, 1, H, W] (and the
    square, unused: the signature is the families') -> normalised VAE latent frame 0 and the encoder's caches; no CLIP."""

    def __init__(self, vae):
        super().__init__()
        self.vae = WanVaeChunk(vae, decode=False, first=True)

    def forward(self, image, square):
        return self.vae(image)


def trace_wan_vae(vae, out_dir, height, width, device, decode=True):
    """Traces the two chunk modules of a Wan VAE at a small size (they are size- and frame-dynamic) and saves them
    as vae_decoder.pt + vae_decoder_step.pt (decode) or as returned modules (encode)."""
    z, s = vae.config.z_dim, vae.config.scale_factor_spatial
    with torch.no_grad():
        if decode:
            x = torch.randn(1, z, 2, height // s, width // s, device=device)
            first, nxt = x[:, :, :1], x[:, :, 1:2]
        else:
            x = torch.rand(1, 3, 5, height, width, device=device) * 2 - 1
            first, nxt = x[:, :, :1], x[:, :, 1:5]
        one = torch.jit.trace(WanVaeChunk(vae, decode, True).to(device).eval(), (first,), check_trace=False)
        caches = one(first)[1:]
        step = torch.jit.trace(WanVaeChunk(vae, decode, False).to(device).eval(), (nxt, *caches), check_trace=False)
    if decode:
        one.save(str(out_dir / "vae_decoder.pt"))
        step.save(str(out_dir / "vae_decoder_step.pt"))
    return one, step
