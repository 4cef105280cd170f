"""The review app's request guard: loopback Host, CSRF token and Origin on every POST, CSP.

One middleware in front of every route, kept in its own module so the defences can be
read (and audited) in one place, apart from what the routes do.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}


def host_ok(host: str, extra_hosts: tuple[str, ...]) -> bool:
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name in LOOPBACK or host in extra_hosts or name in extra_hosts


def stale_or_refused(request: Request, host: str) -> Response:
    """A POST without the current token. From a page of this app (Referer on this host),
    it is a tab opened before the server restarted: reload that page, which brings the
    new token, and say the key was not applied. Nothing is written either way, so a
    forged request gains nothing but a redirect to one of our own pages."""
    ref = urlsplit(request.headers.get("referer", ""))
    if ref.netloc == host and ref.path.startswith("/"):
        query = "&".join(p for p in ref.query.split("&") if p and not p.startswith(("stale=", "saved=")))
        return RedirectResponse(f"{ref.path}?{query + '&' if query else ''}stale=1", status_code=303)
    return PlainTextResponse("missing or wrong CSRF token: reload the review page and try again", status_code=403)


def install_guard(app: FastAPI, token: str, extra_hosts: tuple[str, ...]) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next):
        host = request.headers.get("host", "")
        if not host_ok(host, extra_hosts):
            return PlainTextResponse("forbidden host", status_code=403)
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != host:
                return PlainTextResponse("cross-origin request refused", status_code=403)
            # Read the raw body (Starlette replays it to the endpoint); only urlencoded
            # forms are accepted, so a token can't hide in another encoding.
            body = await request.body()
            ctype = request.headers.get("content-type", "").split(";")[0].strip()
            sent = parse_qs(body.decode("utf-8", "replace")).get("csrf", [""])[0] if ctype == "application/x-www-form-urlencoded" else ""
            if not secrets.compare_digest(sent.encode(), token.encode()):
                return stale_or_refused(request, host)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response
