"""A real HTTP server on loopback for the calendar tests, started by the test itself."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


class FeedServer:
    """Serves `routes[path](handler)`; records each request's path and headers."""

    def __init__(self, port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                else:
                    route(self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def ics(body: bytes, etag: str = '"v1"') -> Route:
    """200 with an ETag; 304 when the client already has this version."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/calendar; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("ETag", etag)
        handler.end_headers()
        handler.wfile.write(body)

    return route


def status(code: int) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_error(code)

    return route


def redirect(location: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.end_headers()

    return route


def slow(seconds: float) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        handler.send_response(200)
        handler.end_headers()

    return route


def endless(chunk: bytes = b"X" * 65536, declared: int | None = None) -> Route:
    """A body that never ends (or claims a length): only a size cap stops the reader."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/calendar")
        if declared is not None:
            handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        try:
            handler.wfile.write(b"BEGIN:VCALENDAR\r\n")
            for _ in range(1000):  # 64 MB at most, should the reader not stop
                handler.wfile.write(chunk)
        except OSError:
            pass  # the reader hung up, as it should

    return route
