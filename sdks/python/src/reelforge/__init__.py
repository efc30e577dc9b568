"""Reelforge: the Python SDK of a Reelforge text-to-video appliance.

    from reelforge import Reelforge
    client = Reelforge(api_key="rf_live_...", base_url="http://localhost:8080")
    client.video.generate(prompt="A red fox runs through the snow").save("output.mp4")
"""
from ._client import Account, Reelforge, Video, Webhooks
from ._errors import (APIConnectionError, APIError, APITimeoutError, AuthenticationError, ConflictError,
                      GenerationFailedError, InsufficientCreditsError, NotFoundError, PermissionDeniedError,
                      RateLimitError, ReelforgeError, ServerError, ValidationError, WebhookVerificationError)
from ._models import Generation, Obj
from ._version import __version__
from ._webhooks import verify as verify_webhook

__all__ = ["Reelforge", "Video", "Account", "Webhooks", "Generation", "Obj", "verify_webhook", "__version__",
           "ReelforgeError", "APIError", "AuthenticationError", "InsufficientCreditsError", "PermissionDeniedError",
           "NotFoundError", "ConflictError", "ValidationError", "RateLimitError", "ServerError",
           "APIConnectionError", "APITimeoutError", "GenerationFailedError", "WebhookVerificationError"]
