"""Answers as objects: attribute access over the JSON the appliance sent (``job.generation_id``,
``result.request.width``), ``obj["key"]`` and ``obj.get("key")`` too, and ``to_dict()`` for the raw JSON."""
from __future__ import annotations

from typing import Any, Dict, Iterator, Optional


def wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Obj(value)
    if isinstance(value, list):
        return [wrap(v) for v in value]
    return value


class Obj:
    def __init__(self, data: Dict[str, Any]) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        try:
            return wrap(self._data[name])
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __getitem__(self, name: str) -> Any:
        return wrap(self._data[name])

    def __contains__(self, name: str) -> bool:
        return name in self._data

    def get(self, name: str, default: Any = None) -> Any:
        return wrap(self._data.get(name, default))

    def to_dict(self) -> Dict[str, Any]:
        return self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Obj) and other._data == self._data

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"


TERMINAL = ("completed", "failed", "canceled", "expired")


class Generation(Obj):
    """A job (``POST /v1/video/generate``, ``GET /v1/video/{id}``). ``save`` and ``download`` wait for it to
    complete first, so ``client.video.generate(...).save("output.mp4")`` works as well as ``wait`` + ``save``."""

    def __init__(self, data: Dict[str, Any], video: Any) -> None:
        super().__init__(data)
        object.__setattr__(self, "_video", video)

    @property
    def done(self) -> bool:
        return self._data.get("status") in TERMINAL

    def wait(self, timeout: float = 600.0, poll_interval: float = 2.0) -> "Generation":
        """Blocks until the job ends: the completed generation, or GenerationFailedError."""
        return self._video.wait(self.generation_id, timeout=timeout, poll_interval=poll_interval)

    def _completed(self) -> "Generation":
        return self if self._data.get("status") == "completed" and self._data.get("output_url") else self.wait()

    def download(self) -> bytes:
        """The MP4's bytes (waits for completion first)."""
        return self._video._client._download(self._completed().output_url)

    def save(self, path: Any) -> "Generation":
        """Writes the MP4 to ``path`` (waits for completion first); returns the completed generation."""
        done = self._completed()
        data = self._video._client._download(done.output_url)
        with open(path, "wb") as f:
            f.write(data)
        return done

    def download_thumbnail(self) -> bytes:
        """The JPEG poster frame's bytes (waits for completion first)."""
        return self._video._client._download(self._completed().thumbnail_url)

    def __repr__(self) -> str:
        return f"Generation(generation_id={self._data.get('generation_id')!r}, status={self._data.get('status')!r})"
