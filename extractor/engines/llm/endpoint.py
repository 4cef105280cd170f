"""The base URL a user names: checked before any request is sent, and credentials in it
turned into the Authorization header.

Why here and not left to the HTTP client: a URL with an invalid port, no scheme, a
scheme other than http(s) or a space in it fails only when the first request is built,
deep in a run, as an "internal error" or as retries of a request that can never be sent.
Checked when the settings are read, it is a usage error (exit 2) naming the flag,
environment variable or config key it came from.

Credentials in the URL (`http://user:pass@host/v1`): aiohttp refuses a URL carrying
them together with an Authorization header, and the URL is stored with the run's
settings and shown in messages. So they are taken out of the URL and sent as the
Authorization header instead:

- `user:password@` -> HTTP Basic (`Authorization: Basic base64(user:password)`), what a
  reverse proxy in front of a model server asks for;
- one part only (`token@` or `:token@`) -> a bearer token (`Authorization: Bearer token`),
  what OpenAI-compatible servers check.

URL credentials win over an API key (they are the more specific). Both parts are
percent-decoded, and remembered by `redaction` so they never reach a log or a message.
"""

from __future__ import annotations

import base64
from urllib.parse import unquote, urlsplit, urlunsplit

from .redaction import SECRETS, redact_url

SCHEMES = ("http", "https")
EXAMPLE = "e.g. http://127.0.0.1:8080/v1"


def check_base_url(url: str) -> str:
    """The URL, surrounding whitespace dropped, or ValueError saying what is wrong with it."""
    url = url.strip()
    shown = redact_url(url)
    if not url:
        raise ValueError(f"the base URL is empty; name the server's OpenAI-compatible API, {EXAMPLE}")
    if any(ch.isspace() for ch in url):
        raise ValueError(f"the base URL {shown!r} contains a space; {EXAMPLE}")
    parts = urlsplit(url)
    if "://" not in url or not parts.scheme:
        raise ValueError(f"the base URL {shown!r} has no scheme; start it with http:// or https://, {EXAMPLE}")
    if parts.scheme.lower() not in SCHEMES:
        raise ValueError(f"the base URL {shown!r} uses {parts.scheme}://; only http:// and https:// servers speak "
                         f"the OpenAI API, {EXAMPLE}")
    if not parts.hostname:
        raise ValueError(f"the base URL {shown!r} names no host; {EXAMPLE}")
    try:
        parts.port
    except ValueError:
        port = parts.netloc.rpartition("@")[2].rpartition(":")[2]
        raise ValueError(f"the base URL {shown!r} has an invalid port {port!r} (a number from 1 to 65535); "
                         f"{EXAMPLE}") from None
    if parts.fragment:
        raise ValueError(f"the base URL {shown!r} has a #fragment, which no server receives; drop it")
    return url


def without_credentials(url: str) -> str:
    """The URL with any user:password@ taken out (settings are stored, credentials never are)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def split_credentials(url: str) -> tuple[str, str | None]:
    """(the URL without user:password@, the Authorization header value they make, if any)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    user, password = unquote(parts.username or ""), unquote(parts.password or "")
    bare = without_credentials(url)
    # The secret part (not a Basic user name, which may be a common word) is redacted
    # wherever it could appear; a very short one only where it is a URL's userinfo.
    secret = password or user
    if len(secret) >= 4:
        SECRETS.add(secret)
    if user and password:
        value = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    elif user or password:
        value = "Bearer " + (user or password)
    else:
        return bare, None
    SECRETS.add(value.split(" ", 1)[1])
    return bare, value
