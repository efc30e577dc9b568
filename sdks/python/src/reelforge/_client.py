from __future__ import annotations

import math
import mimetypes
import os
import time
import uuid
from typing import Any, Dict, Iterator, List, Optional, Union

import httpx

from . import _webhooks
from ._errors import APIConnectionError, APITimeoutError, GenerationFailedError, RateLimitError, ReelforgeError, \
    error_for
from ._models import Generation, Obj, wrap
from ._version import __version__

DEFAULT_BASE_URL = "http://localhost:8080"
MAX_BACKOFF = 60.0
RETRY_STATUSES = (429, 503)
ImageInput = Union[str, "os.PathLike[str]", bytes, bytearray, Any]


def _retry_after(response: httpx.Response) -> Optional[int]:
    value = response.headers.get("Retry-After")
    try:
        return max(0, int(value)) if value is not None else None
    except ValueError:
        return None


class Reelforge:
    """A client of a Reelforge appliance.

    ``api_key`` defaults to ``REELFORGE_API_KEY``, ``base_url`` (the host root, e.g. ``http://localhost:8080``)
    to ``REELFORGE_BASE_URL`` and then ``http://localhost:8080``. 429 and 503 answers and connection errors are
    retried at most ``max_retries`` times, waiting ``retry_delay`` seconds doubling up to 60, or the appliance's
    ``Retry-After`` when that is longer; every POST carries one Idempotency-Key for all its attempts."""

    def __init__(self, api_key: Optional[str] = None, base_url: Optional[str] = None, max_retries: int = 4,
                 retry_delay: float = 5.0, timeout: float = 60.0) -> None:
        key = api_key or os.environ.get("REELFORGE_API_KEY")
        if not key:
            raise ReelforgeError("no API key: pass api_key= or set REELFORGE_API_KEY")
        self.base_url = (base_url or os.environ.get("REELFORGE_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
        self.max_retries = max_retries
        self.retry_delay = retry_delay
        self.timeout = timeout
        self._http = httpx.Client(timeout=timeout, headers={
            "Authorization": f"Bearer {key}", "User-Agent": f"reelforge-python/{__version__}",
            "Accept": "application/json"})
        # signed file URLs need no key, and may point at another host (a CDN): never send the key there
        self._files = httpx.Client(timeout=timeout, follow_redirects=True,
                                   headers={"User-Agent": f"reelforge-python/{__version__}"})
        self.video = Video(self)
        self.account = Account(self)
        self.webhooks = Webhooks(self)

    def __repr__(self) -> str:
        return f"Reelforge(base_url={self.base_url!r})"

    def close(self) -> None:
        self._http.close()
        self._files.close()

    def __enter__(self) -> "Reelforge":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _backoff(self, attempt: int, retry_after: Optional[int]) -> float:
        # Never sooner than the appliance asks, and never sooner than the doubling backoff: a Retry-After of 1 s
        # repeated while a render overruns its estimate would otherwise spend every retry in a few seconds.
        backoff = min(self.retry_delay * (2 ** attempt), MAX_BACKOFF)
        return max(float(retry_after), backoff) if retry_after is not None else backoff

    def _request(self, method: str, path: str, *, json: Any = None, form: Optional[Dict[str, str]] = None,
                 files: Optional[Dict[str, Any]] = None, params: Optional[Dict[str, Any]] = None,
                 headers: Optional[Dict[str, str]] = None, timeout: Optional[float] = None,
                 idempotency_key: Optional[str] = None) -> httpx.Response:
        hdrs = dict(headers or {})
        if method == "POST":
            hdrs["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        if params:
            params = {k: v for k, v in params.items() if v is not None}
        attempt = 0
        while True:
            try:
                response = self._http.request(method, self.base_url + path, json=json, data=form, files=files,
                                              params=params, headers=hdrs,
                                              timeout=self.timeout if timeout is None else timeout)
            except httpx.TimeoutException as e:
                if attempt < self.max_retries:
                    time.sleep(self._backoff(attempt, None))
                    attempt += 1
                    continue
                raise APITimeoutError(f"{method} {path} timed out ({type(e).__name__})") from None
            except httpx.TransportError as e:
                if attempt < self.max_retries:
                    time.sleep(self._backoff(attempt, None))
                    attempt += 1
                    continue
                raise APIConnectionError(f"{method} {path}: cannot reach {self.base_url} ({type(e).__name__}: {e})") \
                    from None
            if response.status_code < 400:
                return response
            retry_after = _retry_after(response)
            if (response.status_code in RETRY_STATUSES and attempt < self.max_retries
                    and (retry_after is None or retry_after <= MAX_BACKOFF)):
                time.sleep(self._backoff(attempt, retry_after))
                attempt += 1
                continue
            try:
                body = response.json()
            except ValueError:
                body = None
            raise error_for(response.status_code, body, response.headers.get("X-Request-Id"), retry_after)

    def _json(self, method: str, path: str, **kw: Any) -> Any:
        response = self._request(method, path, **kw)
        return response.json() if response.content else None

    def _pages(self, path: str, params: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
        params = dict(params)
        while True:
            page = self._json("GET", path, params=params)
            for item in page.get("data", []):
                yield item
            cursor = page.get("next_cursor")
            if not page.get("has_more") or not cursor:
                return
            params["cursor"] = cursor

    def _download(self, url: str) -> bytes:
        attempt = 0
        while True:
            try:
                response = self._files.get(url)
            except httpx.TransportError as e:
                if attempt < self.max_retries:
                    time.sleep(self._backoff(attempt, None))
                    attempt += 1
                    continue
                raise APIConnectionError(f"download failed ({type(e).__name__})") from None
            if response.status_code >= 400:
                try:
                    body = response.json()
                except ValueError:
                    body = None
                raise error_for(response.status_code, body, response.headers.get("X-Request-Id"), None)
            return response.content


def _image_part(image: ImageInput) -> tuple:
    if isinstance(image, (bytes, bytearray)):
        data, name = bytes(image), "image"
    elif isinstance(image, (str, os.PathLike)):
        with open(image, "rb") as f:
            data = f.read()
        name = os.path.basename(os.fspath(image))
    elif hasattr(image, "read"):
        data = image.read()
        name = os.path.basename(getattr(image, "name", "") or "image") if isinstance(getattr(image, "name", None), str) else "image"
    else:
        raise TypeError("image must be a path, bytes or a binary stream")
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        ctype = "image/png"
    elif data[:3] == b"\xff\xd8\xff":
        ctype = "image/jpeg"
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        ctype = "image/webp"
    else:
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if "." not in name:
        name += {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}.get(ctype, "")
    return (name, data, ctype)


class Video:
    """``client.video``: generate, get, wait, cancel, list."""

    def __init__(self, client: Reelforge) -> None:
        self._client = client

    def _gen(self, data: Dict[str, Any]) -> Generation:
        return Generation(data, self)

    def generate(self, prompt: str, resolution: Optional[str] = None, duration: Optional[int] = None,
                 image: Optional[ImageInput] = None, camera_fixed: Optional[bool] = None,
                 aspect_ratio: Optional[str] = None, seed: Optional[int] = None,
                 negative_prompt: Optional[str] = None, webhook_url: Optional[str] = None,
                 idempotency_key: Optional[str] = None) -> Generation:
        """Submits a job and returns it at once (``generation_id``, ``status``, ``estimated_seconds``, ...).
        ``image`` (a path, bytes or a binary stream) makes it image-to-video, sent as multipart. ``wait``,
        ``save`` and ``download`` on the returned job block until it completes."""
        fields: Dict[str, Any] = {"prompt": prompt, "resolution": resolution, "duration": duration,
                                  "camera_fixed": camera_fixed, "aspect_ratio": aspect_ratio, "seed": seed,
                                  "negative_prompt": negative_prompt, "webhook_url": webhook_url}
        fields = {k: v for k, v in fields.items() if v is not None}
        if image is None:
            return self._gen(self._client._json("POST", "/v1/video/generate", json=fields,
                                                idempotency_key=idempotency_key))
        form = {k: (("true" if v else "false") if isinstance(v, bool) else str(v)) for k, v in fields.items()}
        return self._gen(self._client._json("POST", "/v1/video/generate", form=form,
                                            files={"image": _image_part(image)},
                                            idempotency_key=idempotency_key))

    def get(self, generation_id: str) -> Generation:
        return self._gen(self._client._json("GET", f"/v1/video/{generation_id}"))

    def wait(self, generation_id: str, timeout: float = 600.0, poll_interval: float = 2.0) -> Generation:
        """Blocks until the job ends (long-polls with ``Prefer: wait``). Returns the completed generation; raises
        GenerationFailedError when it ends failed, canceled or expired, APITimeoutError after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise APITimeoutError(f"generation {generation_id} did not end within {timeout} s")
            hold = int(min(60, remaining))
            headers = {"Prefer": f"wait={hold}"} if hold >= 1 else None
            response = self._client._request("GET", f"/v1/video/{generation_id}", headers=headers,
                                             timeout=max(self._client.timeout, hold + 30))
            gen = self._gen(response.json())
            status = gen.status
            if status == "completed":
                return gen
            if status in ("failed", "canceled", "expired"):
                raise GenerationFailedError(gen)
            if headers is None or "Preference-Applied" not in response.headers:
                time.sleep(max(0.0, min(poll_interval, deadline - time.monotonic())))

    def cancel(self, generation_id: str) -> Generation:
        return self._gen(self._client._json("POST", f"/v1/video/{generation_id}/cancel"))

    def list(self, status: Optional[str] = None, limit: Optional[int] = None) -> Iterator[Generation]:
        """Every generation, newest first, following ``next_cursor`` page after page (``limit`` is the page
        size)."""
        return (self._gen(item) for item in self._client._pages("/v1/video", {"status": status, "limit": limit}))


class Account:
    """``client.account``: the account and its credit ledger."""

    def __init__(self, client: Reelforge) -> None:
        self._client = client

    def get(self) -> Obj:
        return wrap(self._client._json("GET", "/v1/account"))

    def ledger(self, limit: Optional[int] = None) -> Iterator[Obj]:
        """Every ledger entry (``kind``, signed ``amount``, ``generation_id``, ...), newest first, all pages."""
        return (wrap(e) for e in self._client._pages("/v1/account/ledger", {"limit": limit}))


class Webhooks:
    """``client.webhooks``: account endpoints, deliveries, the per-job signing key, and ``verify``."""

    def __init__(self, client: Reelforge) -> None:
        self._client = client

    def create(self, url: str, events: Optional[List[str]] = None, description: Optional[str] = None) -> Obj:
        """A new endpoint; its ``secret`` (``whsec_...``) is in this answer only."""
        body = {k: v for k, v in {"url": url, "events": events, "description": description}.items()
                if v is not None}
        return wrap(self._client._json("POST", "/v1/webhooks", json=body))

    def list(self) -> Iterator[Obj]:
        return (wrap(e) for e in self._client._pages("/v1/webhooks", {}))

    def get(self, endpoint_id: str) -> Obj:
        return wrap(self._client._json("GET", f"/v1/webhooks/{endpoint_id}"))

    def delete(self, endpoint_id: str) -> None:
        self._client._request("DELETE", f"/v1/webhooks/{endpoint_id}")

    def rotate_secret(self, endpoint_id: str) -> Obj:
        return wrap(self._client._json("POST", f"/v1/webhooks/{endpoint_id}/rotate-secret"))

    def enable(self, endpoint_id: str) -> Obj:
        return wrap(self._client._json("POST", f"/v1/webhooks/{endpoint_id}/enable"))

    def signing_key(self) -> Obj:
        """Creates or rotates the account's key for per-job ``webhook_url``s (``secret`` shown once)."""
        return wrap(self._client._json("POST", "/v1/webhooks/signing-key"))

    def deliveries(self, endpoint_id: Optional[str] = None, limit: Optional[int] = None) -> Iterator[Obj]:
        path = f"/v1/webhooks/{endpoint_id}/deliveries" if endpoint_id else "/v1/webhooks/deliveries"
        return (wrap(e) for e in self._client._pages(path, {"limit": limit}))

    def delivery(self, delivery_id: str) -> Obj:
        return wrap(self._client._json("GET", f"/v1/webhooks/deliveries/{delivery_id}"))

    def redeliver(self, delivery_id: str) -> Obj:
        return wrap(self._client._json("POST", f"/v1/webhooks/deliveries/{delivery_id}/redeliver"))

    @staticmethod
    def verify(payload: Union[str, bytes], headers: Any, secret: str,
               tolerance: int = _webhooks.TOLERANCE_SECONDS, now: Optional[float] = None) -> Any:
        """Standard Webhooks check of a delivery (raw body, its headers, the ``whsec_`` secret); returns the
        parsed event or raises WebhookVerificationError. ``now`` (epoch seconds) defaults to the clock."""
        return _webhooks.verify(payload, headers, secret, tolerance, now)
