"""When an access token expires, read from the JWT's own ``exp`` claim.

The login response's ``expiresAt`` has no documented unit, so the token itself is the source
of truth. The signature is not checked here: only the server can do that, and it does.
"""

from __future__ import annotations

import base64
import binascii
import json


def token_expiry(token: str) -> float | None:
    """Seconds since the epoch at which the token expires, or None when it does not say."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    segment = parts[1]
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        claims = json.loads(raw)
    except (ValueError, binascii.Error):  # base64, UTF-8 and JSON errors
        return None
    exp = claims.get("exp") if isinstance(claims, dict) else None
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return None
    return float(exp)
