"""What the contract cannot see from outside, against a local recording HTTP server (no appliance): the
User-Agent, one Idempotency-Key across every retry of a POST, the retry count, Retry-After honoured."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import reelforge
from reelforge import Reelforge


class Recorder:
    def __init__(self, answers):
        self.answers = list(answers)  # (status, headers, body) per request; the last one repeats
        self.requests = []
        rec = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                rec.requests.append((self.command, self.path, dict(self.headers.items()), time.monotonic()))
                status, headers, body = rec.answers.pop(0) if len(rec.answers) > 1 else rec.answers[0]
                data = json.dumps(body).encode()
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


BUSY = (503, {"Retry-After": "0"}, {"error": {"type": "api_error", "code": "engine_not_ready", "message": "busy"}})
FULL = (429, {"Retry-After": "1"}, {"error": {"type": "rate_limit_error", "code": "concurrency_limit_exceeded",
                                              "message": "full", "param": None}})
JOB = (202, {}, {"generation_id": "g1", "status": "queued", "estimated_seconds": 3})


@pytest.fixture
def recorder(request):
    r = Recorder(request.param)
    yield r
    r.close()


@pytest.mark.parametrize("recorder", [[BUSY, FULL, JOB]], indirect=True)
def test_post_retries_with_one_idempotency_key_and_honours_retry_after(recorder):
    c = Reelforge(api_key="rf_live_x", base_url=recorder.url, max_retries=4, retry_delay=0.2)
    job = c.video.generate(prompt="p")
    assert job.generation_id == "g1"
    assert len(recorder.requests) == 3
    keys = {r[2]["Idempotency-Key"] for r in recorder.requests}
    assert len(keys) == 1 and len(keys.pop()) >= 16
    assert all(r[2]["User-Agent"] == f"reelforge-python/{reelforge.__version__}" for r in recorder.requests)
    assert recorder.requests[2][3] - recorder.requests[1][3] >= 0.9  # Retry-After: 1 after the 429


@pytest.mark.parametrize("recorder", [[BUSY]], indirect=True)
def test_gives_up_after_max_retries_with_backoff(recorder):
    c = Reelforge(api_key="rf_live_x", base_url=recorder.url, max_retries=2, retry_delay=0.1)
    with pytest.raises(reelforge.ServerError) as e:
        c.account.get()
    assert e.value.status == 503 and e.value.code == "engine_not_ready"
    assert len(recorder.requests) == 3
    # Retry-After 0 wins over the backoff
    assert recorder.requests[-1][3] - recorder.requests[0][3] < 1.0


@pytest.mark.parametrize("recorder", [[(429, {"Retry-After": "3600"}, FULL[2])]], indirect=True)
def test_a_retry_after_over_a_minute_is_not_waited_for(recorder):
    c = Reelforge(api_key="rf_live_x", base_url=recorder.url, max_retries=4, retry_delay=0.1)
    with pytest.raises(reelforge.RateLimitError) as e:
        c.video.generate(prompt="p")
    assert e.value.retry_after == 3600 and len(recorder.requests) == 1


def test_key_and_base_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("REELFORGE_API_KEY", "rf_live_from_env")
    monkeypatch.setenv("REELFORGE_BASE_URL", "http://example.invalid:1234/")
    c = Reelforge()
    assert c.base_url == "http://example.invalid:1234"
    assert "rf_live_from_env" not in repr(c)
    monkeypatch.delenv("REELFORGE_BASE_URL")
    assert Reelforge().base_url == "http://localhost:8080"
    monkeypatch.delenv("REELFORGE_API_KEY")
    with pytest.raises(reelforge.ReelforgeError):
        Reelforge()
