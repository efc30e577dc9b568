#!/usr/bin/env python3
"""The drop-once proxy of the SDK contract suite (scenario S04), Python stdlib only.

Forwards every request to the appliance. A POST whose Idempotency-Key it has not seen before is forwarded, its
whole answer read, and then the client's connection is closed without a reply: the appliance did the work (and
charged for it) but the client saw a dropped connection, so only an SDK that retries with the same key gets the
replayed answer. A POST without an Idempotency-Key is dropped the same way every time, so an SDK that sends none
(or a new one per attempt) creates and charges more than once and fails S04.

GET /__flaky/stats answers {"dropped": N, "forwarded": N} (N dropped answers so far) so a test can check that a
drop really happened. Prints "listening on PORT" once ready.
"""
import argparse
import http.client
import json
import socket
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host",
       "content-length", "expect"}


class State:
    lock = threading.Lock()
    seen = set()
    dropped = 0
    forwarded = 0


def make_handler(target):
    url = urllib.parse.urlsplit(target)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            sys.stderr.write("flaky-proxy: %s %s\n" % (self.address_string(), fmt % args))

        def _body(self):
            if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                parts = []
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return b"".join(parts)
                    parts.append(self.rfile.read(size))
                    self.rfile.readline()
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else None

        def _proxy(self):
            if self.command == "GET" and self.path == "/__flaky/stats":
                with State.lock:
                    body = json.dumps({"dropped": State.dropped, "forwarded": State.forwarded}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            body = self._body()
            drop = False
            if self.command == "POST":
                key = self.headers.get("Idempotency-Key")
                with State.lock:
                    if key is None or key not in State.seen:
                        drop = True
                        if key is not None:
                            State.seen.add(key)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
            headers["Host"] = url.netloc
            conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=120)
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
            except OSError as e:
                self.send_error(502, "upstream: %s" % e)
                return
            finally:
                conn.close()
            with State.lock:
                State.forwarded += 1
                if drop:
                    State.dropped += 1
            if drop:
                self.log_message("dropped the answer (%d) to %s %s", resp.status, self.command, self.path)
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return
            self.send_response(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in HOP:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _proxy

    return Handler


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--target", required=True, help="the appliance's base URL, e.g. http://127.0.0.1:8080")
    p.add_argument("--port", type=int, default=0)
    a = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", a.port), make_handler(a.target))
    server.daemon_threads = True
    print("listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
