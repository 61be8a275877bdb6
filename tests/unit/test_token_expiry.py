"""Reading a JWT's own expiry, whatever else the token holds."""

from __future__ import annotations

import base64
import json

import pytest

from flashback_desktop.session.token_expiry import token_expiry, token_is_usable


def jwt_with(claims: object) -> str:
    def segment(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{segment({'alg': 'HS256'})}.{segment(claims)}.signature"


def test_exp_in_seconds_is_read() -> None:
    assert token_expiry(jwt_with({"userId": "u", "exp": 1_800_000_000})) == 1_800_000_000.0


@pytest.mark.parametrize(
    "token",
    [
        "not-a-jwt",
        "a.b",
        "a.!!!.c",
        jwt_with({"userId": "u"}),
        jwt_with({"exp": "tomorrow"}),
        jwt_with({"exp": True}),
        jwt_with(["exp", 1]),
    ],
)
def test_tokens_without_a_readable_expiry_say_nothing(token: str) -> None:
    assert token_expiry(token) is None


def jwt_with_payload(raw: bytes) -> str:
    payload = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    return f"eyJhbGciOiJIUzI1NiJ9.{payload}.signature"


# Claims a hostile server could put in a token: each used to raise out of token_expiry
# (RecursionError, OverflowError) or give a NaN that made every comparison false.
ABSURD_CLAIMS = [
    jwt_with_payload(b'{"exp": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
    jwt_with_payload(b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b', "exp": 1}'),
    jwt_with_payload(b'{"exp": 1' + b"0" * 400 + b"}"),
    jwt_with_payload(b'{"exp": 1' + b"0" * 5000 + b"}"),
    jwt_with_payload(b'{"exp": 1e400}'),
    jwt_with_payload(b'{"exp": NaN}'),
    jwt_with_payload(b'{"exp": -Infinity}'),
    jwt_with_payload(b'{"exp": -5}'),
    jwt_with_payload(b'{"exp": "tomorrow"}'),
]


@pytest.mark.parametrize("token", ABSURD_CLAIMS)
def test_absurd_or_deeply_nested_claims_are_unreadable_not_a_crash(token: str) -> None:
    assert token_expiry(token) is None
    assert not token_is_usable(token)


@pytest.mark.parametrize(
    "token", ["eyJ.a\n.b", "abc\x00def", "token with spaces", "tökën", "", "a\r\nX-Evil: 1"]
)
def test_a_token_that_cannot_go_in_a_header_is_not_usable(token: str) -> None:
    assert not token_is_usable(token)


@pytest.mark.parametrize(
    "token", ["opaque-refresh-token", jwt_with({"userId": "u"}), jwt_with({"exp": 1_800_000_000})]
)
def test_ordinary_tokens_are_usable(token: str) -> None:
    assert token_is_usable(token)
