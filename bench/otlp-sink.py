#!/usr/bin/env python3
"""otlp-sink.py PORT: an OTLP/HTTP receiver for the benchmark that reads each export and answers 200 (counts in stderr at exit)."""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        counts[self.path] = counts.get(self.path, 0) + 1
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
finally:
    print(counts, file=sys.stderr)
