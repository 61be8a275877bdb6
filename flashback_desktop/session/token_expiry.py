"""When an access token expires, read from the JWT's own ``exp`` claim; and whether a token
from the network is one the app can use at all.

The login response's ``expiresAt`` has no documented unit, so the token itself is the source
of truth. The signature is not checked here: only the server can do that, and it does.
Tokens come from the network, so nothing here may raise: claims nested tens of thousands
deep, an ``exp`` of 400 digits or NaN, a payload that is not JSON, all mean "cannot be read".
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re

# The last moment a real token could expire (year 9999): beyond it the claim is absurd, and
# datetime or float arithmetic on it would fail or mislead.
LATEST_EXPIRY_S = 253_402_300_799
# What an HTTP header can carry: visible ASCII. A newline or a control character would make
# every request fail before it is sent, which looked like "Flashback can't be reached".
_SENDABLE = re.compile(r"[\x21-\x7e]+")


class _Unreadable(Exception):
    """The token says when it expires, but not in a way the app can read."""


def token_expiry(token: str) -> float | None:
    """Seconds since the epoch at which the token expires, or None when it does not say (or
    cannot be read: ``token_is_usable`` tells those apart)."""
    try:
        return _expiry(token)
    except _Unreadable:
        return None


def token_is_usable(token: str | None) -> bool:
    """Whether the app can send this token and read its expiry; checked before it is kept.

    Opaque tokens (not JWT-shaped, or with no ``exp``) are fine: the server decides.
    """
    if token is None:
        return True  # no refresh token at all: a pasted access token has none
    if not _SENDABLE.fullmatch(token):
        return False
    try:
        _expiry(token)
    except _Unreadable:
        return False
    return True


def _expiry(token: str) -> float | None:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    segment = parts[1]
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (ValueError, binascii.Error):
        return None  # not a JWT after all: an opaque token
    try:
        claims = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # UTF-8, JSON, digits and depth limits
        if raw.lstrip()[:1] == b"{":
            raise _Unreadable from exc
        return None
    if not isinstance(claims, dict) or "exp" not in claims:
        return None
    exp = claims["exp"]
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        raise _Unreadable
    if isinstance(exp, int) and not 0 <= exp <= LATEST_EXPIRY_S:
        raise _Unreadable  # also keeps float() away from huge integers
    seconds = float(exp)
    if not (math.isfinite(seconds) and 0 <= seconds <= LATEST_EXPIRY_S):
        raise _Unreadable
    return seconds
