"""Standard Webhooks verification (https://www.standardwebhooks.com/), stdlib only."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any, Mapping, Optional, Union

from ._errors import WebhookVerificationError
from ._models import wrap

TOLERANCE_SECONDS = 300


def _header(headers: Any, name: str) -> Optional[str]:
    items = headers.items() if hasattr(headers, "items") else headers
    for k, v in items:
        if k.lower() == name:
            if isinstance(v, (list, tuple)):
                v = v[0] if v else None
            return v
    return None


def verify(payload: Union[str, bytes], headers: Mapping[str, Any], secret: str,
           tolerance: int = TOLERANCE_SECONDS, now: Optional[float] = None) -> Any:
    """Checks a delivery against ``secret`` (``whsec_...``) and returns the parsed event (``event.type``,
    ``event.data.generation_id``). ``payload`` is the raw request body, before any JSON parsing. Raises
    WebhookVerificationError on a missing header, a bad signature or a timestamp more than ``tolerance`` seconds
    away from now."""
    body = payload.decode("utf-8") if isinstance(payload, (bytes, bytearray)) else payload
    msg_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    if not msg_id or not timestamp or not signatures:
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature header")
    try:
        sent = int(timestamp)
    except ValueError:
        raise WebhookVerificationError("webhook-timestamp is not a number") from None
    current = time.time() if now is None else now
    if abs(current - sent) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is more than %d s away from now" % tolerance)
    raw_secret = secret[len("whsec_"):] if secret.startswith("whsec_") else secret
    try:
        key = base64.b64decode(raw_secret, validate=True)
    except ValueError:
        raise WebhookVerificationError("the secret is not a whsec_ base64 secret") from None
    digest = hmac.new(key, f"{msg_id}.{timestamp}.{body}".encode("utf-8"), hashlib.sha256).digest()
    expected = base64.b64encode(digest).decode()
    for entry in signatures.split(" "):
        version, _, sig = entry.partition(",")
        if version == "v1" and hmac.compare_digest(sig, expected):
            try:
                return wrap(json.loads(body))
            except ValueError:
                raise WebhookVerificationError("the signed payload is not JSON") from None
    raise WebhookVerificationError("no matching signature")
