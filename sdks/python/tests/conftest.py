"""Helpers of the contract suite (sdks/contract/SCENARIOS.md). Nothing here is skipped: a missing variable or
tool fails the test that needs it."""
import json
import os
import shutil
import socket
import struct
import subprocess
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

LANG = "python"


def env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run this suite through sdks/contract/run.sh")
    return value


def prompt(sid, text="a red fox runs through the snow"):
    return f"{sid} {LANG}: {text}"


def probe(path, width, height):
    """Asserts path is a valid H.264 MP4 of width x height, 120 frames, 5.0 s."""
    if shutil.which("ffprobe") is None:
        pytest.fail("ffprobe is not installed (apt-get install ffmpeg)")
    out = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                          "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                          "-show_entries", "format=duration,format_name", "-of", "json", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    stream, fmt = info["streams"][0], info["format"]
    assert stream["codec_name"] == "h264"
    assert "mp4" in fmt["format_name"]
    assert (stream["width"], stream["height"]) == (width, height)
    assert int(stream["nb_read_frames"]) == 120
    assert abs(float(fmt["duration"]) - 5.0) <= 0.1


def png(width=64, height=64, rgb=(200, 80, 40)):
    """A one-colour PNG made with zlib and CRC-32 only."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Receiver:
    """A local webhook receiver: records every POST's raw body and headers, answers 200."""

    def __init__(self):
        self.deliveries = []
        self.arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver.arrived:
                    receiver.deliveries.append((body, dict(self.headers.items())))
                    receiver.arrived.notify_all()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def await_delivery(self, match, timeout):
        with self.arrived:
            found = self.arrived.wait_for(lambda: next((d for d in self.deliveries if match(d)), None), timeout)
        return found

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()
