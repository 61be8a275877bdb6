"""A tiny Flashback-shaped HTTP server whose answers are written to break clients.

Not the sandbox's fault plan: it shares nothing with ``flashback_desktop.sandbox`` and knows
only the few routes the window uses. It answers well by default (so the real window can get
as far as the hostile part), and a test plants what it wants to break: markup in names, a
newline in an ID, a 1 MB message, a cookie, an odd token, a date without a zone, or raw bytes
for a whole answer. Every request is recorded, headers included, so a test can assert on
what reached the server.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

Json = Any


@dataclass(frozen=True)
class Answer:
    """One raw answer: status, headers and body bytes exactly as sent."""

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json"),)

    @classmethod
    def json(cls, payload: Json, status: int = 200, **headers: str) -> Answer:
        extra = tuple((name.replace("_", "-"), value) for name, value in headers.items())
        body = json.dumps(payload).encode()
        return cls(status, body, (("Content-Type", "application/json"), *extra))


@dataclass(frozen=True)
class Seen:
    """A request as it reached the server."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes


def jwt(claims: Json | None = None, *, raw_payload: bytes | None = None) -> str:
    """An unsigned JWT-shaped token: the client reads its claims, only a server checks them."""

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    if raw_payload is None:
        claims = claims if claims is not None else {"exp": int(time.time()) + 3600}
        claims.setdefault("jti", uuid.uuid4().hex)  # every token is different
        raw_payload = json.dumps(claims).encode()
    header = part(b'{"alg":"none"}')
    return f"{header}.{part(raw_payload)}.{part(uuid.uuid4().bytes)}"


@dataclass
class World:
    """What a well-behaved server would say; tests edit it to plant hostile values."""

    profile: dict[str, Json] = field(
        default_factory=lambda: {
            "id": "user-1",
            "name": "Ada",
            "lastName": "Lovelace",
            "email": "ada@example.com",
            "orgId": "org-1",
            "orgRole": 0,
        }
    )
    workspaces: list[dict[str, Json]] = field(
        default_factory=lambda: [{"id": "ws-1", "name": "Main workspace"}]
    )
    repos: list[dict[str, Json]] = field(
        default_factory=lambda: [
            {
                "id": "repo-1",
                "name": "Alpha",
                "workspaceId": "ws-1",
                "storageType": "S3",
                "createdAt": "2026-01-05T10:00:00Z",
                "aiLlms": [{"aiLlmId": "llm-1", "aiLlm": {"name": "Model"}}],
            }
        ]
    )
    conversations: list[dict[str, Json]] = field(
        default_factory=lambda: [
            {
                "id": "conv-1",
                "repoId": "repo-1",
                "createdAt": "2026-01-06T10:00:00Z",
                "createdBy": "user-1",
                "creator": {"name": "Ada", "lastName": "Lovelace", "email": "ada@example.com"},
                "title": "Quarterly figures",
                "tokensIn": "10",
                "tokensOut": "20",
            }
        ]
    )
    created_id: str = "conv-new"


Planted = Answer | Callable[[Seen], Answer]


class HostileServer:
    """``with HostileServer() as server:`` serves on a free loopback port until the block ends."""

    def __init__(self) -> None:
        self.world = World()
        self.requests: list[Seen] = []
        self.issued: list[str] = []  # every token handed out, for the secret audit
        self._planted: dict[tuple[str, str], list[Planted]] = {}
        self._always: dict[tuple[str, str], Planted] = {}
        self._extra_headers: tuple[tuple[str, str], ...] = ()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        # A short poll: shutdown() waits for the next one (0.5 s by default), once per test.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        port = self._httpd.server_address[1]
        return f"http://127.0.0.1:{port}"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    # ---- what a test plants ---------------------------------------------------------------

    def plant(self, method: str, path: str, answer: Planted, *, times: int | None = 1) -> None:
        """Answer ``method path`` with ``answer`` (the next ``times`` requests, or always)."""
        with self._lock:
            if times is None:
                self._always[(method, path)] = answer
            else:
                self._planted.setdefault((method, path), []).extend([answer] * times)

    def add_header_to_every_answer(self, name: str, value: str) -> None:
        self._extra_headers += ((name, value),)

    def seen(self, method: str, path: str) -> list[Seen]:
        with self._lock:
            return [r for r in self.requests if r.method == method and r.path == path]

    def new_tokens(self, access: str | None = None) -> dict[str, str]:
        pair = {"accessToken": access or jwt(), "refreshToken": f"refresh-{uuid.uuid4().hex}"}
        self.issued.extend(pair.values())
        return pair

    # ---- answering --------------------------------------------------------------------------

    def answer(self, seen: Seen) -> Answer:
        with self._lock:
            self.requests.append(seen)
            queue = self._planted.get((seen.method, seen.path))
            planted = queue.pop(0) if queue else self._always.get((seen.method, seen.path))
        if planted is None:
            found = self._well_behaved(seen)
        else:
            found = planted(seen) if callable(planted) else planted
        return Answer(found.status, found.body, found.headers + self._extra_headers)

    def _well_behaved(self, seen: Seen) -> Answer:
        world = self.world
        routes: dict[tuple[str, str], Callable[[], Json]] = {
            ("POST", "/user/login"): self.new_tokens,
            ("POST", "/user/refresh"): self.new_tokens,
            ("POST", "/user/logout"): lambda: {"success": True},
            ("GET", "/user/profile"): lambda: {"data": world.profile},
            ("GET", "/mfa/status"): lambda: {
                "data": {"sessionVerified": True, "enabledMethods": []}
            },
            ("GET", "/workspace"): lambda: {"workspaces": world.workspaces},
            ("GET", "/repo"): lambda: {"repos": world.repos},
            ("POST", "/conversation"): lambda: {"conversationId": world.created_id},
            ("GET", "/conversation"): lambda: {
                "conversations": world.conversations,
                "total": len(world.conversations),
            },
        }
        payload = routes.get((seen.method, seen.path))
        if not seen.path.startswith("/user/") or seen.path == "/user/profile":
            bearer = seen.headers.get("Authorization", "").removeprefix("Bearer ")
            if bearer not in self.issued:  # like any server: only its own tokens work
                return Answer.json({"success": False, "message": "Unauthorized"}, status=401)
        if payload is not None:
            return Answer.json(payload())
        if seen.method == "DELETE" and seen.path.startswith("/conversation/"):
            return Answer.json({"success": True})
        return Answer.json({"success": False, "message": "Not found"}, status=404)


def _handler_for(server: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            seen = Seen(self.command, parts.path, parts.query, dict(self.headers.items()), body)
            answer = server.answer(seen)
            self.send_response_only(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        do_GET = do_POST = do_DELETE = do_PUT = _serve

        def log_message(self, format: str, *args: Any) -> None:  # quiet: pytest shows failures
            return

    return Handler


def serving() -> Iterator[HostileServer]:
    """For a fixture: ``yield from serving()``."""
    with HostileServer() as server:
        yield server
