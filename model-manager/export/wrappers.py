"""torch.nn wrappers shared by the export scripts: each gives a pipeline part the positional signature the
Java engine calls (docs/models.md)."""
import torch


class MaskedTextEncoder(torch.nn.Module):
    """token ids -> embeddings, padding (id 0) masked out and zeroed, so the denoiser can tell it apart."""

    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids):
        mask = (input_ids != 0).long()
        hidden = self.encoder(input_ids=input_ids, attention_mask=mask).last_hidden_state
        return hidden * mask.unsqueeze(-1).to(hidden.dtype)


class WanVaeDecoder(torch.nn.Module):
    """Wan 2.1 VAE: latents [1, 16, F, h, w] -> video [1, 3, 4(F-1)+1, 8h, 8w] in [-1, 1]. The per-channel
    latents_mean/std de-normalisation is inside, so the manifest's latent scale is 1.0."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae
        z = vae.config.z_dim
        self.register_buffer("mean", torch.tensor(vae.config.latents_mean).view(1, z, 1, 1, 1))
        self.register_buffer("std", torch.tensor(vae.config.latents_std).view(1, z, 1, 1, 1))

    def forward(self, latents):
        latents = latents * self.std + self.mean
        return self.vae.decode(latents.to(self.vae.dtype), return_dict=False)[0].float().clamp(-1, 1)
