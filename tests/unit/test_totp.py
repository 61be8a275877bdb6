"""RFC 6238 TOTP in the sandbox: the RFC's own test vectors, the window, and malformed input."""

from __future__ import annotations

import base64

import pytest

from flashback_desktop.sandbox.totp import DIGITS, STEP_S, totp_code, verify_totp

# RFC 6238 appendix B, SHA1 rows: the ASCII seed "12345678901234567890", 8-digit codes.
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode("ascii")
RFC_VECTORS = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]
DEMO_SECRET = "JBSWY3DPEHPK3PXP"
NOW = 1_700_000_000.0  # a fixed instant in the middle of a 30 s step


def test_the_rfc_secret_is_the_usual_base32() -> None:
    assert RFC_SECRET == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@pytest.mark.parametrize(("at", "eight_digits"), RFC_VECTORS)
def test_rfc_6238_sha1_vectors(at: int, eight_digits: str) -> None:
    # 6-digit codes are the RFC's 8-digit values modulo 10**6, i.e. their last six digits.
    assert totp_code(RFC_SECRET, at) == eight_digits[-DIGITS:]
    assert verify_totp(RFC_SECRET, eight_digits[-DIGITS:], at, window=0)


def test_codes_keep_their_leading_zeros() -> None:
    assert totp_code(RFC_SECRET, 1111111109) == "081804"
    assert totp_code(RFC_SECRET, 1234567890) == "005924"


def test_the_code_is_constant_within_a_step_and_changes_after_it() -> None:
    start = (NOW // STEP_S) * STEP_S
    assert totp_code(DEMO_SECRET, start) == totp_code(DEMO_SECRET, start + STEP_S - 0.001)
    assert totp_code(DEMO_SECRET, start) != totp_code(DEMO_SECRET, start + STEP_S)


def test_default_time_is_now() -> None:
    assert verify_totp(DEMO_SECRET, totp_code(DEMO_SECRET))


def test_the_secret_may_be_lowercase_spaced_and_unpadded() -> None:
    spaced = "jbsw y3dp ehpk 3pxp"
    assert totp_code(spaced, NOW) == totp_code(DEMO_SECRET, NOW)
    assert totp_code(RFC_SECRET.rstrip("=").lower(), 59) == "287082"


@pytest.mark.parametrize("secret", ["not base32!", "", "   ", "A"])
def test_a_bad_secret_is_an_error(secret: str) -> None:
    with pytest.raises(ValueError, match="secret"):
        totp_code(secret, NOW)
    with pytest.raises(ValueError, match="secret"):
        verify_totp(secret, "123456", NOW)


@pytest.mark.parametrize(
    ("offset_steps", "accepted"), [(-2, False), (-1, True), (0, True), (1, True), (2, False)]
)
def test_window_accepts_the_previous_and_next_step_only(offset_steps: int, accepted: bool) -> None:
    code = totp_code(DEMO_SECRET, NOW + offset_steps * STEP_S)
    assert verify_totp(DEMO_SECRET, code, NOW) is accepted


def test_window_size_is_adjustable() -> None:
    neighbour = totp_code(DEMO_SECRET, NOW + STEP_S)
    assert not verify_totp(DEMO_SECRET, neighbour, NOW, window=0)
    assert verify_totp(DEMO_SECRET, totp_code(DEMO_SECRET, NOW + 3 * STEP_S), NOW, window=3)
    with pytest.raises(ValueError, match="window"):
        verify_totp(DEMO_SECRET, neighbour, NOW, window=-1)


def test_the_window_does_not_reach_before_the_epoch() -> None:
    assert verify_totp(RFC_SECRET, "287082", 10)  # step 0, and step -1 is never tried


def test_a_wrong_code_is_refused() -> None:
    accepted = {totp_code(DEMO_SECRET, NOW + k * STEP_S) for k in (-1, 0, 1)}
    wrong = next(f"{n:06d}" for n in range(10**6) if f"{n:06d}" not in accepted)
    assert not verify_totp(DEMO_SECRET, wrong, NOW)
    assert not verify_totp(RFC_SECRET, totp_code(DEMO_SECRET, NOW), NOW)  # another secret's code


@pytest.mark.parametrize(
    "malformed",
    [
        "",
        "12345",  # too short
        "1234567",  # too long
        "12345a",
        " 12345",
        "123 456",
        "-12345",
        "+12345",
        "١٢٣٤٥٦",  # Arabic-Indic digits: isdigit() says yes, ASCII says no
        "１２３４５６",  # full-width digits
    ],
)
def test_malformed_codes_are_refused(malformed: str) -> None:
    assert not verify_totp(DEMO_SECRET, malformed, NOW)


def test_a_right_code_padded_with_spaces_is_refused() -> None:
    code = totp_code(DEMO_SECRET, NOW)
    assert verify_totp(DEMO_SECRET, code, NOW)
    assert not verify_totp(DEMO_SECRET, f" {code}", NOW)
    assert not verify_totp(DEMO_SECRET, f"{code}\n", NOW)
