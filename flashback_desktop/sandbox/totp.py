"""RFC 6238 time-based one-time passwords (TOTP), on the standard library alone.

The parameters are the ones every authenticator app assumes when it is given
only a base32 secret: HMAC-SHA1, a 30-second step counted from the Unix epoch,
6 digits. The sandbox checks codes with these functions, and tests and the
command line use them to produce the code a person's phone would show.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
import time

STEP_S = 30
DIGITS = 6


def _key(secret_b32: str) -> bytes:
    """The raw key behind a base32 secret; spaces, case and missing padding are tolerated."""
    compact = "".join(secret_b32.split()).upper()
    try:
        key = base64.b32decode(compact + "=" * (-len(compact) % 8))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("the TOTP secret is not valid base32") from exc
    if not key:
        raise ValueError("the TOTP secret is empty")
    return key


def _hotp(key: bytes, counter: int) -> str:
    """RFC 4226 HOTP: HMAC-SHA1 of the counter, dynamically truncated to DIGITS digits."""
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def _step(at: float | None) -> int:
    return int((time.time() if at is None else at) // STEP_S)


def totp_code(secret_b32: str, at: float | None = None) -> str:
    """The code for the time ``at`` (Unix seconds; default now), as a string of DIGITS digits."""
    return _hotp(_key(secret_b32), _step(at))


def _well_formed(code: str) -> bool:
    # isdigit() alone would let through non-ASCII digits such as "١٢٣٤٥٦".
    return len(code) == DIGITS and code.isascii() and code.isdigit()


def verify_totp(secret_b32: str, code: str, at: float | None = None, window: int = 1) -> bool:
    """True if ``code`` matches the step of ``at`` or one up to ``window`` steps either side.

    The window absorbs clock drift and a code typed just as it changed. Every
    candidate is compared in constant time and none is skipped on a match, so
    the answer's timing does not depend on which step (if any) matched.
    """
    if window < 0:
        raise ValueError("window must not be negative")
    key = _key(secret_b32)
    if not _well_formed(code):
        return False
    step = _step(at)
    matched = False
    for counter in range(max(0, step - window), step + window + 1):
        matched |= hmac.compare_digest(_hotp(key, counter), code)
    return matched
