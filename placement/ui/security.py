"""Who may talk to ``placement ui``: requests must name this computer in their Host header (no DNS
rebinding), a request or websocket that carries an Origin must come from the workspace's own
page (no cross-site actions or downloads), and every response tells the browser not to frame the
page, not to sniff types, not to send a referrer, and which sources the page may use (CSP)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
_HOST = re.compile(r"^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::[0-9]{1,5})?$")

# NiceGUI renders its page with inline scripts and Vue compiles templates in the browser, so
# scripts need 'unsafe-inline' and 'unsafe-eval' and styles 'unsafe-inline'; everything else is
# this server only (the socket over ws: to the same host), nothing may frame the page.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'{socket}; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def allowed_hosts(host: str) -> frozenset[str]:
    """The names a Host header may carry: this computer, plus the address given with ``--host``
    (only possible with ``--izinkan-jaringan`` when it is not a loopback address)."""
    name = host.strip().lower()
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"  # a bare IPv6 address, as it appears in a Host header
    return LOOPBACK_HOSTS | {name}


def host_name(header: str) -> str | None:
    """The host of a Host header without its port (``127.0.0.1:8080`` → ``127.0.0.1``); None
    when the header is not a plain host with an optional port."""
    match = _HOST.match(header.strip().lower())
    return match.group(1) if match else None


def refusal(host: str, origin: str | None, hosts: frozenset[str]) -> tuple[int, str] | None:
    """(status, message) when a request must be refused, None when it may be served."""
    if host_name(host) not in hosts:
        return 400, (
            "Host tidak diizinkan: buka ruang kerja lewat http://127.0.0.1 atau localhost "
            "(Host not allowed)"
        )
    if origin is not None:
        parts = urlsplit(origin.strip())
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != host.strip().lower():
            return 403, (
                "Asal permintaan (Origin) tidak diizinkan: hanya halaman ruang kerja ini "
                "(Origin not allowed)"
            )
    return None


class HostOriginGuard:
    """ASGI middleware applying :func:`refusal` to every HTTP request and websocket (the
    NiceGUI socket included) and adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        refused = refusal(host, headers.get("origin"), self.hosts)
        if refused is not None:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008, "reason": refused[1]})
            else:
                response = PlainTextResponse(refused[1], status_code=refused[0])
                await response(scope, receive, self._secured(send, host))
            return
        await self.app(scope, receive, self._secured(send, host))

    def _secured(self, send: Send, host: str) -> Send:
        allowed = refusal(host, None, self.hosts) is None
        extra = security_headers(host.strip() if allowed else None)

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *[(k, v) for k, v in message.get("headers", []) if k.lower() not in extra],
                    *extra.items(),
                ]
            await send(message)

        return secured


def security_headers(socket_host: str | None) -> dict[bytes, bytes]:
    """The headers every response carries; the page's socket may connect to ``socket_host``
    (the request's allowed Host header) besides 'self'."""
    socket = f" ws://{socket_host} wss://{socket_host}" if socket_host else ""
    return {
        b"content-security-policy": CSP.format(socket=socket).encode("ascii"),
        b"x-frame-options": b"DENY",
        b"x-content-type-options": b"nosniff",
        b"referrer-policy": b"no-referrer",
        b"cross-origin-resource-policy": b"same-origin",
    }
