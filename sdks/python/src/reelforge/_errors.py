"""One exception family for everything the SDK raises. Messages come from the appliance's error answers or
from the SDK itself and never carry the API key."""
from __future__ import annotations

import builtins
from typing import Any, Optional


class ReelforgeError(Exception):
    """Base of every error this SDK raises."""


class APIError(ReelforgeError):
    """The appliance answered with an error: ``{"error": {type, code, message, param}}``."""

    def __init__(self, message: str, *, status: int, type: Optional[str] = None, code: Optional[str] = None,
                 param: Optional[str] = None, request_id: Optional[str] = None, body: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.type = type
        self.code = code
        self.param = param
        self.request_id = request_id
        self.body = body

    def __str__(self) -> str:
        where = f", param={self.param}" if self.param else ""
        return f"{self.status} {self.code or self.type or 'error'}: {self.message}{where}"


class AuthenticationError(APIError):
    """401: no key, a wrong key, or a revoked one."""


class InsufficientCreditsError(APIError):
    """402: the balance is below the clip's price."""


class PermissionDeniedError(APIError):
    """403: the plan or the account may not do this (e.g. a resolution it is not allowed)."""


class NotFoundError(APIError):
    """404: an unknown id (or another account's)."""


class ConflictError(APIError):
    """409: e.g. canceling a finished job."""


class ValidationError(APIError):
    """400 / 422: the request breaks a rule; ``param`` names the field."""


class RateLimitError(APIError):
    """429: a quota is full; ``retry_after`` is the appliance's Retry-After in seconds (or None)."""

    def __init__(self, message: str, *, retry_after: Optional[int] = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerError(APIError):
    """5xx: the appliance could not answer (503 engine not ready, shutting down, ...)."""


class APIConnectionError(ReelforgeError, builtins.ConnectionError):
    """The appliance could not be reached, or the connection dropped, after every retry."""


class APITimeoutError(ReelforgeError, builtins.TimeoutError):
    """A request, or ``video.wait``, ran out of time."""


class GenerationFailedError(ReelforgeError):
    """``wait`` (or ``save``) on a job that ended ``failed``, ``canceled`` or ``expired``."""

    def __init__(self, generation: Any) -> None:
        self.generation = generation
        self.generation_id = generation.generation_id
        self.status = generation.status
        self.error_code = generation.get("error_code")
        self.error_message = generation.get("error_message")
        super().__init__(f"generation {self.generation_id} ended {self.status}"
                         f" ({self.error_code}: {self.error_message})")


class WebhookVerificationError(ReelforgeError):
    """A webhook delivery's signature or timestamp does not check out."""


_BY_STATUS = {401: AuthenticationError, 402: InsufficientCreditsError, 403: PermissionDeniedError,
              404: NotFoundError, 409: ConflictError, 400: ValidationError, 422: ValidationError,
              429: RateLimitError}


def error_for(status: int, body: Any, request_id: Optional[str], retry_after: Optional[int]) -> APIError:
    err = body.get("error") if isinstance(body, dict) else None
    if not isinstance(err, dict):
        err = {"message": f"HTTP {status} without an error body"}
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else APIError)
    kw: dict = dict(status=status, type=err.get("type"), code=err.get("code"), param=err.get("param"),
                    request_id=request_id, body=body)
    if cls is RateLimitError:
        kw["retry_after"] = retry_after
    return cls(str(err.get("message") or f"HTTP {status}"), **kw)
