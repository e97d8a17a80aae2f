#!/usr/bin/env python3
"""Hostile-client fuzzer for a running Fpas: random methods, paths, headers, charsets, encodings and bodies
over raw sockets. Prints a summary and exits 1 when any answer is a 5xx, or a 4xx that is not
application/problem+json, or a response that is not UTF-8.

    python3 scripts/fuzz.py http://127.0.0.1:8000 --requests 10000 --seed 1
"""
import argparse
import asyncio
import collections
import json
import random
import sys
import urllib.parse

METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "LINK", "UNLINK", "PROPFIND",
           "MKCOL", "FOO", "get", "CONNECT", "QUERY", "BREW", "M-SEARCH"]
PATHS = ["/", "/items", "/items/", "/items/1", "/items/2/", "/items/0", "/items/-1", "/items/abc", "/items/%ff",
         "/items/99999999999999999999", "/items/1.5", "/items/%00", "/items/1/extra", "/health/live", "/health/ready",
         "/openapi.json", "/docs", "/docs/", "/nope", "/items/?limit=0", "/items/?limit=1001", "/items/?limit=abc",
         "/items/?after_id=-5", "/items/?offset=99999999999999999999", "/items/?limit=2&after_id=1", "//items",
         "/items/%2e%2e/", "/%c0%af", "/items/?limit=%ff", "/ITEMS/1", "/items/1?x=" + "a" * 3000, "/openapi/x.json",
         "/items/\u00e9", "/items/1;x=y", "/.env", "/items/%20", "/v1/items/", "/v2/items/", "/v2/items/1", "/v3/items/",
         "/v2.5/items", "/v0/items/1", "/v2/items/?cursor=%ff", "/v2/items/?cursor=abc&limit=2", "/openapi/v2.json",
         "/openapi/v99.json", "/V2/ITEMS/1", "/v2/items/1/restore"]
CHARSETS = [None, "utf-8", "UTF-8", '"utf-8"', "utf-16", "utf-16le", "UTF-32", "latin1", "iso-8859-1", "", '"',
            "ascii", "utf8", "x-unknown", "utf-7", '"utf-16"', "gb2312", "utf-8; foo=bar", "utf-8, utf-16"]
MEDIA = ["application/json", "application/problem+json", "text/plain", "application/xml", "text/json",
         "application/*", "*/*", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
         "application/json;;", "application", "", "application/json; q", "application/vnd.api+json"]
ACCEPTS = [None, "*/*", "application/json", "text/html", "application/xml", "text/plain", "application/problem+json",
           "image/png;q=0", "garbage", ""]
ACCEPT_CHARSETS = [None, "utf-16", "iso-8859-1", "utf-32, utf-8;q=0.1", "*"]
BODIES = [b"", b"{}", b'{"name": "fuzz"}', b'{"name": null}', b'{"name": 1}', b'{"is_active": 1}', b"[", b"{",
          b"null", b"[]", b'"x"', b"\xff\xfe{\x00}\x00", b'{"name": "\xff"}', b'{"name": "\xed\xa0\x80"}',
          b'{"description": "\\u0000"}', b'{"name": "a", "name": "b"}', b"\x00" * 64, b'{"name": "' + b"a" * 70 + b'"}',
          '{"name": "caf\u00e9"}'.encode("utf-16"), '{"name": "x"}'.encode("utf-32"), b"\xef\xbb\xbf{\"name\": \"bom\"}",
          b'{"name": "x", "is_active": "true"}', b"{" * 5000, b'{"a":' * 200 + b"1" + b"}" * 200,
          b'{"name": "\\ud800"}', b'{"limit": 1e999}', b'{"name": "ok"} trailing', b"\r\n\r\n"]
EXTRA_HEADERS = [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip"), ("Expect", "100-continue"),
                 ("Host", ""), ("Host", "evil.example:99999"), ("X-Forwarded-For", "1.2.3.4, not-an-ip"),
                 ("X-Forwarded-Proto", "gopher"), ("X-Forwarded-Host", "a b"), ("If-Match", '"x"'),
                 ("If-None-Match", "*"), ("Idempotency-Key", "k" * 300), ("Authorization", "Bearer garbage"),
                 ("Authorization", "Basic Zm9vOmJhcg=="), ("traceparent", "00-zz-yy-01"), ("Range", "bytes=0-1"),
                 ("Cookie", "a=" + "b" * 2000), ("Origin", "http://evil.example"), ("Accept-Encoding", "br, gzip"),
                 ("Content-Length", "abc"), ("X-\u00ff", "\u00ff")]


def build_request(rng, host, port):
    method = rng.choice(METHODS)
    path = rng.choice(PATHS)
    body = rng.choice(BODIES) if rng.random() < 0.8 else b""
    headers = [("Host", f"{host}:{port}")]
    if rng.random() < 0.85:
        media = rng.choice(MEDIA)
        charset = rng.choice(CHARSETS)
        headers.append(("Content-Type", media + (f"; charset={charset}" if charset is not None else "")))
    accept = rng.choice(ACCEPTS)
    if accept is not None:
        headers.append(("Accept", accept))
    accept_charset = rng.choice(ACCEPT_CHARSETS)
    if accept_charset is not None:
        headers.append(("Accept-Charset", accept_charset))
    for _ in range(rng.randint(0, 2)):
        headers.append(rng.choice(EXTRA_HEADERS))
    chunked = any(name == "Transfer-Encoding" for name, _ in headers)
    if chunked:
        payload = (b"%x\r\n" % len(body) + body + b"\r\n" if body else b"") + b"0\r\n\r\n"
    else:
        if not any(name == "Content-Length" for name, _ in headers):
            headers.append(("Content-Length", str(len(body))))
        payload = body
    head = f"{method} {path} HTTP/1.1\r\n".encode("utf-8", "surrogateescape")
    for name, value in headers:
        head += f"{name}: {value}\r\n".encode("latin-1", "replace")
    head += b"Connection: close\r\n\r\n"
    return method, path, head + payload


async def send(raw, host, port, timeout):
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write(raw)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    return data


def check(method, data):
    """Returns (status, problem) where problem is None when the answer is acceptable."""
    if not data:
        return None, "closed without an answer"
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) < 2 or not parts[1].isdigit():
        return None, "not an HTTP answer: " + lines[0][:60]
    status = int(parts[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    content_type = headers.get("content-type", "")
    if status >= 500:
        return status, f"{status}"
    if "charset=" in content_type.lower() and "utf-8" not in content_type.lower():
        return status, "non-UTF-8 answer: " + content_type
    if 400 <= status < 500:
        # Kestrel rejects some malformed requests before the app runs (400 with no body, connection closed); those
        # carry no content type at all and are counted apart.
        if not content_type and headers.get("content-length", "") == "0" and headers.get("connection") == "close":
            return status, None
        if not content_type.startswith("application/problem+json"):
            return status, "4xx not problem+json: " + (content_type or "(none)")
        if method.upper() != "HEAD" and "transfer-encoding" not in headers:
            try:
                problem = json.loads(body.decode("utf-8"))
                if "status" not in problem or "title" not in problem:
                    return status, "problem without status/title"
            except (ValueError, UnicodeDecodeError):
                return status, "problem body is not UTF-8 JSON"
    return status, None


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=15.0)
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    host, port = url.hostname, url.port or 80
    rng = random.Random(args.seed)
    requests = [build_request(rng, host, port) for _ in range(args.requests)]
    statuses = collections.Counter()
    failures = collections.Counter()
    examples = {}
    queue = asyncio.Queue()
    for request in requests:
        queue.put_nowait(request)

    async def worker():
        while not queue.empty():
            method, path, raw = queue.get_nowait()
            try:
                data = await send(raw, host, port, args.timeout)
                status, problem = check(method, data)
            except (OSError, asyncio.TimeoutError) as error:
                status, problem = None, "connection error: " + type(error).__name__
            statuses[status] += 1
            if problem:
                failures[problem] += 1
                examples.setdefault(problem, raw[:300])

    await asyncio.gather(*(worker() for _ in range(args.concurrency)))
    print("statuses:", dict(sorted(statuses.items(), key=lambda item: str(item[0]))))
    five_xx = sum(count for status, count in statuses.items() if status and status >= 500)
    for problem, count in failures.most_common():
        print(f"  {count:6d}  {problem}\n          e.g. {examples[problem]!r}")
    print(f"{args.requests} requests, {five_xx} 5xx, {sum(failures.values())} unacceptable answers")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
