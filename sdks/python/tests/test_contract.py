"""The SDK contract scenarios S01..S17 (sdks/contract/SCENARIOS.md) against a real appliance."""
import json
import os
import pathlib
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest

import reelforge
from reelforge import Reelforge
from conftest import closed_port, env, png, probe, prompt

HERE = pathlib.Path(__file__).resolve().parent
TERMINAL = ("completed", "failed", "canceled", "expired")


def instant(text):
    """An API time (ISO-8601, Z, up to nanoseconds) as epoch seconds: strings of unequal precision do not sort."""
    from datetime import datetime, timezone
    base, _, frac = text.rstrip("Z").partition(".")
    return datetime.strptime(base, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp() + float("0." + (frac or "0"))


def client(key_var="REELFORGE_API_KEY", **kw):
    kw.setdefault("retry_delay", 0.5)
    return Reelforge(api_key=env(key_var), base_url=env("REELFORGE_BASE_URL"), **kw)


def cancel_quietly(c, gid):
    try:
        c.video.cancel(gid)
    except reelforge.ConflictError:
        pass


def test_s01_submit_wait_save(tmp_path):
    c = client()
    job = c.video.generate(prompt=prompt("S01"), resolution="720p", duration=5, seed=42)
    assert job.generation_id
    assert job.status in ("queued", "processing")
    assert isinstance(job.estimated_seconds, int)
    result = c.video.wait(job.generation_id, timeout=60)
    assert result.status == "completed"
    assert result.credits_used == 90
    assert result.output_url.startswith("http") and result.thumbnail_url.startswith("http")
    out = tmp_path / "s01.mp4"
    result.save(out)
    probe(out, 1280, 720)
    assert result.download() == out.read_bytes()
    assert c.video.get(job.generation_id).status == "completed"


def test_s02a_image_to_video_from_path(tmp_path):
    c = client()
    image = tmp_path / "start.png"
    image.write_bytes(png())
    job = c.video.generate(prompt=prompt("S02a", "camera slowly zooms in"), image=image, resolution="720p")
    result = c.video.wait(job.generation_id, timeout=60)
    assert result.request.image is True
    result.save(tmp_path / "s02.mp4")
    probe(tmp_path / "s02.mp4", 1280, 720)


def test_s02b_image_as_bytes_and_stream(tmp_path):
    c = client()
    import io
    for sid, image in (("S02b-bytes", png(rgb=(10, 200, 10))), ("S02b-stream", io.BytesIO(png(rgb=(10, 10, 200))))):
        job = c.video.generate(prompt=prompt(sid), image=image, resolution="720p")
        try:
            assert c.video.get(job.generation_id).request.image is True
        finally:
            cancel_quietly(c, job.generation_id)


def test_s03_quota_of_one_retries_through_429():
    c = client("REELFORGE_QUOTA1_KEY", max_retries=8, retry_delay=0.5)
    a = c.video.generate(prompt=prompt("S03", "job A"), resolution="720p")
    try:
        started = time.monotonic()
        b = c.video.generate(prompt=prompt("S03", "job B"), resolution="720p")
        assert time.monotonic() - started < 60
        a_now = c.video.get(a.generation_id)
        assert a_now.status in TERMINAL
        assert instant(a_now.completed_at) <= instant(b.created_at)
        assert c.video.wait(b.generation_id, timeout=60).status == "completed"
    finally:
        cancel_quietly(c, a.generation_id)


def _dropped(flaky):
    with urllib.request.urlopen(flaky + "/__flaky/stats", timeout=10) as r:
        return json.load(r)["dropped"]


def test_s04_idempotent_retry_after_dropped_connection_charges_once():
    flaky = env("REELFORGE_FLAKY_URL").rstrip("/")
    c = Reelforge(api_key=env("REELFORGE_API_KEY"), base_url=flaky, max_retries=3, retry_delay=0.5)
    direct = client()
    unique = prompt("S04", f"idempotency {uuid.uuid4()}")
    before = _dropped(flaky)
    job = c.video.generate(prompt=unique, resolution="720p")
    try:
        assert _dropped(flaky) == before + 1
        debits = [e for e in direct.account.ledger(limit=100)
                  if e.kind == "debit" and e.generation_id == job.generation_id]
        assert len(debits) == 1 and debits[0].amount == -90
        made = [g for g in direct.video.list(limit=100) if g.request.prompt == unique]
        assert len(made) == 1
    finally:
        cancel_quietly(direct, job.generation_id)


def test_s05_authentication_error():
    bad = "rf_live_" + uuid.uuid4().hex + uuid.uuid4().hex[:18]
    c = Reelforge(api_key=bad, base_url=env("REELFORGE_BASE_URL"))
    with pytest.raises(reelforge.AuthenticationError) as e:
        c.account.get()
    assert e.value.status == 401 and e.value.code == "invalid_api_key"
    assert bad not in e.value.message and bad not in str(e.value) and bad not in repr(e.value)
    assert bad not in repr(c)


def test_s06_insufficient_credits():
    with pytest.raises(reelforge.InsufficientCreditsError) as e:
        client("REELFORGE_BROKE_KEY").video.generate(prompt=prompt("S06"), resolution="720p")
    assert e.value.status == 402 and e.value.code == "insufficient_credits"


def test_s07_permission_denied():
    with pytest.raises(reelforge.PermissionDeniedError) as e:
        client("REELFORGE_RESTRICTED_KEY").video.generate(prompt=prompt("S07"), resolution="1080p")
    assert e.value.status == 403 and e.value.code == "resolution_not_allowed" and e.value.param == "resolution"


def test_s08_not_found():
    with pytest.raises(reelforge.NotFoundError) as e:
        client().video.get(str(uuid.uuid4()))
    assert e.value.status == 404 and e.value.code == "generation.not_found"


def test_s09_validation():
    with pytest.raises(reelforge.ValidationError) as e:
        client().video.generate(prompt=prompt("S09"), resolution="4k")
    assert e.value.status == 422 and e.value.code == "unsupported_resolution" and e.value.param == "resolution"


def test_s10_rate_limit_without_retries():
    c = client("REELFORGE_QUOTA1_KEY", max_retries=0)
    a = c.video.generate(prompt=prompt("S10", "job A"), resolution="720p")
    try:
        with pytest.raises(reelforge.RateLimitError) as e:
            c.video.generate(prompt=prompt("S10", "job B"), resolution="720p")
        assert e.value.status == 429 and e.value.code == "concurrency_limit_exceeded"
        assert isinstance(e.value.retry_after, int) and e.value.retry_after >= 1
    finally:
        cancel_quietly(c, a.generation_id)


def test_s11_connection_error():
    c = Reelforge(api_key=env("REELFORGE_API_KEY"), base_url=f"http://127.0.0.1:{closed_port()}",
                  max_retries=1, retry_delay=0.1)
    started = time.monotonic()
    with pytest.raises(reelforge.APIConnectionError):
        c.account.get()
    assert time.monotonic() - started < 10


def test_s12_timeout_from_wait():
    c = client()
    job = c.video.generate(prompt=prompt("S12"), resolution="720p")
    try:
        started = time.monotonic()
        with pytest.raises(reelforge.APITimeoutError):
            c.video.wait(job.generation_id, timeout=0.5)
        assert time.monotonic() - started < 5
    finally:
        cancel_quietly(c, job.generation_id)


def test_s13_cancel_refunds():
    c = client()
    b0 = c.account.get().balance
    job = c.video.generate(prompt=prompt("S13"), resolution="720p")
    assert c.account.get().balance == b0 - 90
    canceled = c.video.cancel(job.generation_id)
    assert canceled.status == "canceled"
    assert c.account.get().balance == b0
    mine = [e for e in c.account.ledger(limit=100) if e.generation_id == job.generation_id]
    assert sorted((e.kind, e.amount) for e in mine) == [("debit", -90), ("refund", 90)]
    with pytest.raises(reelforge.GenerationFailedError) as e:
        c.video.wait(job.generation_id, timeout=10)
    assert e.value.status == "canceled" and e.value.error_code == "canceled" and e.value.error_message
    with pytest.raises(reelforge.ConflictError) as e:
        c.video.cancel(job.generation_id)
    assert e.value.status == 409 and e.value.code == "generation.not_cancelable"


def test_s14a_webhook_delivery_verifies_and_tampering_does_not(receiver):
    c = client()
    endpoint = c.webhooks.create(url=f"http://127.0.0.1:{receiver.port}/hook", events=["video.completed"])
    try:
        assert endpoint.id.startswith("we_") and endpoint.secret.startswith("whsec_")
        assert endpoint.id in [e.id for e in c.webhooks.list()]
        fetched = c.webhooks.get(endpoint.id)
        assert fetched.id == endpoint.id and fetched.get("secret") is None
        job = c.video.generate(prompt=prompt("S14"), resolution="720p")
        c.video.wait(job.generation_id, timeout=60)
        found = receiver.await_delivery(lambda d: job.generation_id.encode() in d[0], timeout=30)
        assert found, "no webhook delivery for the job within 30 s"
        body, headers = found
        event = c.webhooks.verify(body, headers, endpoint.secret)
        assert event.type == "video.completed" and event.data.generation_id == job.generation_id
        tampered = body.replace(b"video.completed", b"video.complete!")
        assert tampered != body
        with pytest.raises(reelforge.WebhookVerificationError):
            c.webhooks.verify(tampered, headers, endpoint.secret)
        bad_sig = dict(headers)
        sig_name = next(k for k in headers if k.lower() == "webhook-signature")
        bad_sig[sig_name] = "v1," + ("A" * 43) + "="
        with pytest.raises(reelforge.WebhookVerificationError):
            c.webhooks.verify(body, bad_sig, endpoint.secret)
        other = "whsec_" + __import__("base64").b64encode(os.urandom(24)).decode()
        with pytest.raises(reelforge.WebhookVerificationError):
            c.webhooks.verify(body, headers, other)
    finally:
        c.webhooks.delete(endpoint.id)
    with pytest.raises(reelforge.NotFoundError):
        c.webhooks.get(endpoint.id)


def test_s15_list_auto_pagination():
    c = client()
    ids = []
    for i in range(3):
        job = c.video.generate(prompt=prompt("S15", f"page item {i}"), resolution="720p")
        ids.append(job.generation_id)
        c.video.cancel(job.generation_id)
    items = list(c.video.list(status="canceled", limit=2))
    seen = [g.generation_id for g in items]
    assert len(items) > 2
    assert len(seen) == len(set(seen))
    assert set(ids) <= set(seen)
    assert all(g.status == "canceled" for g in items)
    created = [instant(g.created_at) for g in items]
    assert created == sorted(created, reverse=True)


def test_s16_account_and_ledger():
    c = client()
    account = c.account.get()
    assert account.plan.id == "starter"
    assert isinstance(account.balance, int)
    assert account.limits.max_concurrent_jobs == 5
    entries = list(c.account.ledger(limit=7))
    assert entries
    assert all(e.kind in ("grant", "debit", "refund", "adjustment") and isinstance(e.amount, int) for e in entries)
    assert sum(e.amount for e in entries) == c.account.get().balance


def _run_snippet(name, tmp_path):
    source = (HERE.parent / "examples" / name).read_text()
    readme = (HERE.parent / "README.md").read_text()
    for line in source.splitlines():
        assert line in readme, f"README.md does not show examples/{name} as it stands: {line!r}"
    key = env("REELFORGE_API_KEY")
    script = tmp_path / name
    script.write_text(source.replace('api_key="YOUR_API_KEY"', f'api_key="{key}"')
                      .replace('api_key="..."', f'api_key="{key}"'))
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    out = subprocess.run([sys.executable, str(script)], cwd=run_dir, capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, REELFORGE_BASE_URL=env("REELFORGE_BASE_URL")))
    assert out.returncode == 0, out.stdout + out.stderr
    probe(run_dir / "output.mp4", 1920, 1080)
    return out.stdout


def test_s17a_reference_snippet_generate_wait_save(tmp_path):
    stdout = _run_snippet("quickstart.py", tmp_path)
    assert "Job started: " in stdout and "Video saved: output.mp4" in stdout


def test_s17b_reference_snippet_generate_save(tmp_path):
    _run_snippet("retry.py", tmp_path)


VECTOR = dict(secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", payload='{"test": 2432232314}', now=1614265330,
              headers={"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
                       "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="})


def test_s14b_webhook_verify_published_vector():
    v = VECTOR
    assert reelforge.verify_webhook(v["payload"], v["headers"], v["secret"], now=v["now"]).test == 2432232314
    two = dict(v["headers"], **{"webhook-signature": "v1," + "A" * 43 + "= " + v["headers"]["webhook-signature"]})
    assert reelforge.verify_webhook(v["payload"].encode(), two, v["secret"], now=v["now"])["test"] == 2432232314
    for skew in (301, -301):
        with pytest.raises(reelforge.WebhookVerificationError):
            reelforge.verify_webhook(v["payload"], v["headers"], v["secret"], now=v["now"] + skew)
