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
