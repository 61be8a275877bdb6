"""HS256 JSON Web Tokens for the sandbox, built on the standard library alone.

The sandbox only needs to sign its own tokens and check them again, so a
compact RFC 7519 subset is enough: one algorithm (HS256), no key ids, no
leeway. Anything else is rejected, including ``alg: none``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

_HEADER = {"alg": "HS256", "typ": "JWT"}


class TokenError(ValueError):
    """A token that must not be accepted; ``reason`` is safe to log (it holds no token text)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    # JWTs drop the base64 padding; put it back before decoding.
    padded = text + "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(padded.encode("ascii"))


def _json_segment(value: Mapping[str, Any]) -> str:
    return _b64url_encode(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def _signature(signing_input: str, secret: bytes) -> bytes:
    return hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()


def sign(claims: Mapping[str, Any], secret: bytes) -> str:
    """Return a compact HS256 JWT carrying ``claims``."""
    signing_input = f"{_json_segment(_HEADER)}.{_json_segment(claims)}"
    return f"{signing_input}.{_b64url_encode(_signature(signing_input, secret))}"


def _decode_object(segment: str) -> dict[str, Any]:
    try:
        value = json.loads(_b64url_decode(segment))
    except (ValueError, binascii.Error) as exc:  # JSON, UTF-8 and base64 errors
        raise TokenError("malformed") from exc
    if not isinstance(value, dict):
        raise TokenError("malformed")
    return value


def verify(token: str, secret: bytes, *, now: float | None = None) -> dict[str, Any]:
    """Check signature and expiry of ``token`` and return its claims.

    Raises TokenError with reason ``malformed``, ``bad-signature`` or ``expired``.
    """
    parts = token.split(".")
    if len(parts) != 3 or not all(parts) or not token.isascii():
        raise TokenError("malformed")
    header_segment, claims_segment, signature_segment = parts
    if _decode_object(header_segment).get("alg") != "HS256":
        raise TokenError("malformed")
    try:
        signature = _b64url_decode(signature_segment)
    except (ValueError, binascii.Error) as exc:
        raise TokenError("malformed") from exc
    expected = _signature(f"{header_segment}.{claims_segment}", secret)
    if not hmac.compare_digest(signature, expected):
        raise TokenError("bad-signature")
    claims = _decode_object(claims_segment)
    exp = claims.get("exp")
    if not isinstance(exp, int) or isinstance(exp, bool):
        raise TokenError("malformed")
    if exp <= (time.time() if now is None else now):
        raise TokenError("expired")
    return claims
