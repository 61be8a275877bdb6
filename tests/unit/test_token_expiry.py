"""Reading a JWT's own expiry, whatever else the token holds."""

from __future__ import annotations

import base64
import json

import pytest

from flashback_desktop.session.token_expiry import token_expiry


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
