"""The sandbox server over real loopback HTTP, spoken to with plain httpx (no client code)."""

from __future__ import annotations

import base64
import json
import logging
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from flashback_desktop.sandbox import Fault, SandboxServer, SandboxState, make_repos, tokens
from flashback_desktop.sandbox import __main__ as sandbox_cli
from flashback_desktop.sandbox import data as store
from flashback_desktop.sandbox.data import BEN_ID, CHLOE_ID, HANA_ID, WORKSPACE_IDS, seed_repos
from flashback_desktop.sandbox.totp import STEP_S, totp_code, verify_totp

REPO_ROOT = Path(__file__).resolve().parents[2]
AUTHENTICATED_ROUTES = [
    ("GET", "/user/profile"),
    ("GET", "/workspace"),
    ("GET", "/repo"),
    ("POST", "/conversation"),
    ("GET", "/conversation"),
    ("DELETE", "/conversation/00000000-0000-4000-8000-000000000000"),
    ("POST", "/user/logout"),
    ("GET", "/mfa/status"),
    ("POST", "/mfa/verify-login"),
    ("POST", "/conversation/00000000-0000-4000-8000-000000000000/prompt"),
    ("GET", "/conversation/00000000-0000-4000-8000-000000000000/messages"),
    ("POST", "/ai/models"),
    ("GET", "/policy"),
]
# The only routes a limited (pre-MFA) token opens.
SIGN_IN_ROUTES = {
    ("GET", "/user/profile"),
    ("POST", "/user/logout"),
    ("GET", "/mfa/status"),
    ("POST", "/mfa/verify-login"),
}
FULL_ACCESS_ROUTES = [route for route in AUTHENTICATED_ROUTES if route not in SIGN_IN_ROUTES]
MFA_REQUIRED_BODY = {
    "success": False,
    "message": "Two-step verification is required",
    "error_code": "MFA_REQUIRED",
}
CLI_KEYS = [
    "URL",
    "EMAIL",
    "PASSWORD",
    "TOKEN",
    "MFA_EMAIL",
    "MFA_TOTP_SECRET",
    "MFA_CODE",
    "MAGIC_LINK_EMAIL",
    "NO_PASSWORD_EMAIL",
]

Json = dict[str, Any]


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """One sandbox for the module; tests that need an empty store use ``fresh``."""
    with SandboxServer() as running:
        yield running


@pytest.fixture(autouse=True)
def _reset_switches(server: SandboxServer) -> Iterator[None]:
    yield
    server.state.faults.clear()
    server.state.conversations_enabled = True


@pytest.fixture
def fresh() -> Iterator[SandboxServer]:
    with SandboxServer() as running:
        yield running


def _client(sandbox: SandboxServer, token: str | None = None) -> httpx.Client:
    # trust_env=False: a proxy from the environment must not see loopback traffic.
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=sandbox.url, headers=headers, trust_env=False, timeout=10)


@pytest.fixture
def api(server: SandboxServer) -> Iterator[httpx.Client]:
    """Signed in as the demo user."""
    with _client(server, server.state.demo_token) as client:
        yield client


@pytest.fixture
def anonymous(server: SandboxServer) -> Iterator[httpx.Client]:
    with _client(server) as client:
        yield client


def _repo_named(state: SandboxState, name: str) -> Json:
    return next(repo for repo in state.repos if repo["name"] == name)


def _claims(token: str) -> Json:
    payload = token.split(".")[1]
    decoded: Json = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return decoded


def _assert_error_body(response: httpx.Response, status: int) -> Json:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: Json = response.json()
    assert body["success"] is False
    assert isinstance(body["message"], str)
    assert body["message"]
    return body


def _assert_express_404(response: httpx.Response, method: str, path: str) -> None:
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text.startswith("<!DOCTYPE html>")
    assert f"<pre>Cannot {method} {path}</pre>" in response.text


def _create(client: httpx.Client, repo_id: str) -> str:
    response = client.post("/conversation", json={"repoId": repo_id})
    assert response.status_code == 200, response.text
    conversation_id: str = response.json()["conversationId"]
    return conversation_id


# ---------------------------------------------------------------- session


def test_login_returns_tokens_and_user(server: SandboxServer, anonymous: httpx.Client) -> None:
    state = server.state
    response = anonymous.post(
        "/user/login",
        json={"email": state.demo_email, "password": state.demo_password, "deviceInfo": {}},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    body = response.json()
    assert body["success"] is True
    assert set(body) >= {"accessToken", "refreshToken", "tokenId", "expiresAt", "user"}
    assert body["user"] == {
        "id": state.demo_user_id,
        "email": state.demo_email,
        "name": "Ana",
        "orgId": body["user"]["orgId"],
        "orgRole": 0,
    }
    claims = _claims(body["accessToken"])
    assert set(claims) == {"userId", "email", "orgId", "type", "iat", "exp"}
    assert claims["type"] == "access"
    assert claims["userId"] == state.demo_user_id
    assert body["expiresAt"] == claims["exp"]  # seconds, like the JWT
    assert 3500 < claims["exp"] - time.time() <= 3600
    profile = anonymous.get(
        "/user/profile", headers={"Authorization": f"Bearer {body['accessToken']}"}
    )
    assert profile.status_code == 200


def test_login_ignores_a_bearer_header(server: SandboxServer) -> None:
    credentials = {"email": server.state.demo_email, "password": server.state.demo_password}
    with _client(server, "stale-or-garbage") as client:
        assert client.post("/user/login", json=credentials).status_code == 200


@pytest.mark.parametrize(
    ("email", "password", "error_code"),
    [
        ("ana.ruiz@demo.flashback.tech", "wrong", "INVALID_PASSWORD"),
        ("nobody@demo.flashback.tech", "demo-password", "USER_NOT_FOUND"),
        ("dan.whitfield@demo.flashback.tech", "demo-password", "USER_INACTIVE"),
        ("hana.ito@demo.flashback.tech", "demo-password", "NO_PASSWORD_SET"),
        # The checks run in order: no password before a wrong one, a wrong one before inactive.
        ("hana.ito@demo.flashback.tech", "wrong", "NO_PASSWORD_SET"),
        ("dan.whitfield@demo.flashback.tech", "wrong", "INVALID_PASSWORD"),
        ("farah.haddad@demo.flashback.tech", "wrong", "INVALID_PASSWORD"),
    ],
)
def test_login_rejections_carry_an_error_code(
    anonymous: httpx.Client, email: str, password: str, error_code: str
) -> None:
    response = anonymous.post("/user/login", json={"email": email, "password": password})
    assert _assert_error_body(response, 401)["error_code"] == error_code


@pytest.mark.parametrize("body", [b"{oops", b"[]", b"{}", b'{"email": "a@b.c"}'])
def test_login_with_a_bad_body_is_400(anonymous: httpx.Client, body: bytes) -> None:
    response = anonymous.post(
        "/user/login", content=body, headers={"Content-Type": "application/json"}
    )
    _assert_error_body(response, 400)


def test_refresh_rotates_the_refresh_token(server: SandboxServer, anonymous: httpx.Client) -> None:
    credentials = {"email": server.state.demo_email, "password": server.state.demo_password}
    login = anonymous.post("/user/login", json=credentials).json()
    first = anonymous.post("/user/refresh", json={"refresh_token": login["refreshToken"]})
    assert first.status_code == 200
    body = first.json()
    assert body["success"] is True
    assert body["token"] == body["accessToken"]
    assert body["refreshToken"] != login["refreshToken"]
    assert body["expiresAt"] == _claims(body["accessToken"])["exp"]
    # The old refresh token is spent; the new one works under the docs' field name too.
    reused = anonymous.post("/user/refresh", json={"refresh_token": login["refreshToken"]})
    _assert_error_body(reused, 401)
    second = anonymous.post("/user/refresh", json={"refreshToken": body["refreshToken"]})
    assert second.status_code == 200


def test_logout_revokes_the_refresh_token(server: SandboxServer, anonymous: httpx.Client) -> None:
    credentials = {"email": server.state.demo_email, "password": server.state.demo_password}
    login = anonymous.post("/user/login", json=credentials).json()
    with _client(server, login["accessToken"]) as client:
        response = client.post("/user/logout", json={"refresh_token": login["refreshToken"]})
    assert response.json() == {"success": True}
    refreshed = anonymous.post("/user/refresh", json={"refresh_token": login["refreshToken"]})
    _assert_error_body(refreshed, 401)


def _login(client: httpx.Client, email: str, password: str = store.DEMO_PASSWORD) -> Json:
    response = client.post("/user/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


def _assert_refresh_refused(client: httpx.Client, refresh_token: str) -> None:
    response = client.post("/user/refresh", json={"refresh_token": refresh_token})
    assert _assert_error_body(response, 401)["error_code"] == "INVALID_REFRESH_TOKEN"


@pytest.mark.parametrize("field", ["refresh_token", "refreshToken"])
def test_logout_accepts_either_body_field_name(
    server: SandboxServer, anonymous: httpx.Client, field: str
) -> None:
    login = _login(anonymous, server.state.demo_email)
    with _client(server, login["accessToken"]) as client:
        response = client.post("/user/logout", json={field: login["refreshToken"]})
    assert response.json() == {"success": True}
    _assert_refresh_refused(anonymous, login["refreshToken"])


def test_logout_needs_a_refresh_token_and_a_bearer(
    server: SandboxServer, anonymous: httpx.Client
) -> None:
    login = _login(anonymous, server.state.demo_email)
    with _client(server, login["accessToken"]) as client:
        _assert_error_body(client.post("/user/logout", json={}), 400)
        _assert_error_body(client.post("/user/logout", json={"refreshToken": ""}), 400)
    # openapi.yaml's global bearer security covers logout: without one nothing is revoked.
    _assert_error_body(
        anonymous.post("/user/logout", json={"refresh_token": login["refreshToken"]}), 401
    )
    assert (
        anonymous.post("/user/refresh", json={"refresh_token": login["refreshToken"]}).status_code
        == 200
    )


def test_logout_of_another_users_refresh_token_changes_nothing(
    server: SandboxServer, anonymous: httpx.Client
) -> None:
    login = _login(anonymous, server.state.demo_email)
    with _client(server, server.state.issue_token(BEN_ID)) as ben:
        assert (
            ben.post("/user/logout", json={"refresh_token": login["refreshToken"]}).status_code
            == 200
        )
    assert (
        anonymous.post("/user/refresh", json={"refresh_token": login["refreshToken"]}).status_code
        == 200
    )


def test_refresh_of_unknown_and_expired_tokens_is_401(
    fresh: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _client(fresh) as anonymous:
        _assert_refresh_refused(anonymous, "never-issued")
        monkeypatch.setattr(store, "REFRESH_LIFETIME_S", -1)
        expired = _login(anonymous, fresh.state.demo_email)["refreshToken"]
        _assert_refresh_refused(anonymous, expired)
    assert fresh.state.active_refresh_tokens() == 0  # expired ones do not count as active


def test_short_lived_access_tokens_and_refresh(fresh: SandboxServer) -> None:
    state = fresh.state
    state.token_lifetime_s = -1  # login hands out an access token that is already expired
    with _client(fresh) as anonymous:
        login = _login(anonymous, state.demo_email)
        with _client(fresh, login["accessToken"]) as stale:
            assert "expired" in _assert_error_body(stale.get("/repo"), 401)["message"].lower()
        state.token_lifetime_s = 3600
        refreshed = anonymous.post("/user/refresh", json={"refreshToken": login["refreshToken"]})
    with _client(fresh, refreshed.json()["accessToken"]) as client:
        assert client.get("/repo").status_code == 200


def test_revoke_refresh_tokens_helper(fresh: SandboxServer) -> None:
    state = fresh.state
    with _client(fresh) as anonymous:
        ana = [_login(anonymous, state.demo_email)["refreshToken"] for _ in range(2)]
        ben = _login(anonymous, "ben.okafor@demo.flashback.tech")["refreshToken"]
        assert state.active_refresh_tokens() == 3
        assert state.active_refresh_tokens(state.demo_user_id) == 2
        assert state.active_refresh_tokens(BEN_ID) == 1
        assert state.revoke_refresh_tokens(state.demo_user_id) == 2
        assert state.active_refresh_tokens(state.demo_user_id) == 0
        for refresh_token in ana:
            _assert_refresh_refused(anonymous, refresh_token)
        rotated = anonymous.post("/user/refresh", json={"refresh_token": ben})
        assert rotated.status_code == 200  # another user's tokens are left alone
        assert state.revoke_refresh_tokens() == 1
        assert state.revoke_refresh_tokens() == 0
        _assert_refresh_refused(anonymous, rotated.json()["refreshToken"])
    assert state.active_refresh_tokens() == 0


# ---------------------------------------------------------------- auth


@pytest.mark.parametrize(("method", "path"), AUTHENTICATED_ROUTES)
@pytest.mark.parametrize("kind", ["missing", "garbage", "wrong-scheme", "foreign", "expired"])
def test_authenticated_routes_refuse_bad_tokens(
    server: SandboxServer, method: str, path: str, kind: str
) -> None:
    headers = {
        "missing": {},
        "garbage": {"Authorization": "Bearer not.a-real.token"},
        "wrong-scheme": {"Authorization": f"Basic {server.state.demo_token}"},
        "foreign": {"Authorization": f"Bearer {SandboxState().demo_token}"},  # other key
        "expired": {"Authorization": f"Bearer {server.state.issue_token(lifetime_s=-10)}"},
    }[kind]
    with _client(server) as client:
        # Auth comes first: even a broken body must give 401, not 400.
        response = client.request(method, path, headers=headers, content=b"{broken")
    body = _assert_error_body(response, 401)
    if kind == "expired":
        assert "expired" in body["message"].lower()


def test_issue_token_for_another_user(server: SandboxServer) -> None:
    with _client(server, server.state.issue_token(BEN_ID)) as client:
        names = {w["name"] for w in client.get("/workspace").json()["workspaces"]}
    assert "Executive" in names
    with pytest.raises(KeyError):
        server.state.issue_token("no-such-user")


def test_tokens_reject_tampering() -> None:
    secret = b"k" * 32
    token = tokens.sign({"userId": "u", "exp": int(time.time()) + 60}, secret)
    assert tokens.verify(token, secret)["userId"] == "u"
    header, payload, signature = token.split(".")
    forged = base64.urlsafe_b64encode(b'{"userId":"admin","exp":9999999999}').decode()
    unsigned = base64.urlsafe_b64encode(b'{"alg":"none"}').decode()
    for bad, reason in [
        (f"{header}.{forged}.{signature}", "bad-signature"),
        (f"{unsigned}.{payload}.", "malformed"),
        (f"{unsigned}.{payload}.{signature}", "malformed"),
        ("a.b", "malformed"),
    ]:
        with pytest.raises(tokens.TokenError) as caught:
            tokens.verify(bad, secret)
        assert caught.value.reason == reason


# ---------------------------------------------------------------- MFA at sign-in


def _wrong_code(state: SandboxState) -> str:
    """A well-formed code that no step near now accepts (two steps each side, for safety)."""
    now = time.time()
    near = {state.current_totp_code(now + k * STEP_S) for k in range(-2, 3)}
    return next(code for code in (f"{n:06d}" for n in range(10**6)) if code not in near)


def _verify(client: httpx.Client, **body: object) -> httpx.Response:
    return client.post("/mfa/verify-login", json=body)


def _mfa_status(client: httpx.Client) -> Json:
    response = client.get("/mfa/status")
    assert response.status_code == 200, response.text
    body: Json = response.json()
    assert body["success"] is True
    data: Json = body["data"]
    return data


def test_seeded_sign_in_accounts(server: SandboxServer) -> None:
    state = server.state
    assert state.mfa_email == "farah.haddad@demo.flashback.tech"
    assert state.magic_link_email == "gus.moreau@demo.flashback.tech"
    assert state.no_password_email == "hana.ito@demo.flashback.tech"
    assert state.mfa_totp_secret == "JBSWY3DPEHPK3PXP"
    assert verify_totp(state.mfa_totp_secret, state.current_totp_code())
    assert state.current_totp_code(59) == totp_code(state.mfa_totp_secret, 59)
    for user_id in (state.mfa_user_id, state.magic_link_user_id, HANA_ID):
        with _client(server, state.issue_token(user_id)) as client:
            workspaces = client.get("/workspace").json()["workspaces"]
            repos = client.get("/repo").json()["repos"]
        assert [w["name"] for w in workspaces] == ["Marketing"]
        member = next(m for m in workspaces[0]["users"] if m["userId"] == user_id)
        assert member["role"] == "READ"
        assert {r["workspaceId"] for r in repos} == {WORKSPACE_IDS["Marketing"]}
        assert len(repos) == 4


@pytest.mark.parametrize(
    ("user", "required"),
    [("demo", False), ("mfa", True), ("magic_link", True), ("no_password", False)],
)
def test_profile_says_whether_mfa_is_required(
    server: SandboxServer, user: str, required: bool
) -> None:
    user_id = {
        "demo": server.state.demo_user_id,
        "mfa": server.state.mfa_user_id,
        "magic_link": server.state.magic_link_user_id,
        "no_password": HANA_ID,
    }[user]
    with _client(server, server.state.issue_token(user_id)) as client:
        assert client.get("/user/profile").json()["data"]["mfaRequired"] is required


def test_mfa_login_gives_a_limited_token(server: SandboxServer, anonymous: httpx.Client) -> None:
    state = server.state
    body = _login(anonymous, state.mfa_email)
    assert set(body) == {"success", "accessToken", "refreshToken", "tokenId", "expiresAt", "user"}
    assert body["user"]["id"] == state.mfa_user_id
    claims = _claims(body["accessToken"])
    assert set(claims) == {"userId", "email", "orgId", "type", "iat", "exp", "mfa", "tokenId"}
    assert (claims["type"], claims["mfa"], claims["tokenId"]) == (
        "access",
        "pending",
        body["tokenId"],
    )
    assert body["expiresAt"] == claims["exp"]
    with _client(server, body["accessToken"]) as limited:
        profile = limited.get("/user/profile")
        status = _mfa_status(limited)
    assert profile.status_code == 200
    assert profile.json()["data"]["mfaRequired"] is True
    assert status == {
        "isEnabled": True,
        "isRequired": True,
        "isEnforced": True,
        "enabledMethods": ["GOOGLE_AUTH"],
        "primaryMethod": "GOOGLE_AUTH",
        "sessionVerified": False,
    }


@pytest.mark.parametrize(("method", "path"), FULL_ACCESS_ROUTES)
def test_limited_token_is_refused_elsewhere_with_mfa_required(
    server: SandboxServer, method: str, path: str
) -> None:
    with _client(
        server, server.state.issue_token(server.state.mfa_user_id, limited=True)
    ) as client:
        # Like the 401 check, this comes before the body is read.
        response = client.request(method, path, content=b"{broken")
    _assert_error_body(response, 403)
    assert response.json() == MFA_REQUIRED_BODY


def test_mfa_status_without_mfa(api: httpx.Client) -> None:
    assert _mfa_status(api) == {
        "isEnabled": False,
        "isRequired": False,
        "isEnforced": False,
        "enabledMethods": [],
        "primaryMethod": None,
        "sessionVerified": True,
    }


def test_verify_login_with_the_right_code(fresh: SandboxServer) -> None:
    state = fresh.state
    with _client(fresh) as anonymous:
        login = _login(anonymous, state.mfa_email)
        with _client(fresh, login["accessToken"]) as limited:
            response = _verify(limited, mfaType="GOOGLE_AUTH", code=state.current_totp_code())
        assert response.status_code == 200, response.text
        body = response.json()
        assert set(body) == {"success", "message", "fullAccessToken", "refreshToken"}
        assert (body["success"], body["message"]) == (True, "Verified")
        claims = _claims(body["fullAccessToken"])
        assert set(claims) == {"userId", "email", "orgId", "type", "iat", "exp"}
        assert claims["userId"] == state.mfa_user_id
        # The pending refresh token is spent; the new one is the only one left.
        _assert_refresh_refused(anonymous, login["refreshToken"])
        assert state.active_refresh_tokens(state.mfa_user_id) == 1
        refreshed = anonymous.post("/user/refresh", json={"refresh_token": body["refreshToken"]})
    assert "mfa" not in _claims(refreshed.json()["accessToken"])  # stays full after a refresh
    with _client(fresh, body["fullAccessToken"]) as full:
        assert len(full.get("/repo").json()["repos"]) == 4
        assert _mfa_status(full)["sessionVerified"] is True
        again = _verify(full, mfaType="GOOGLE_AUTH", code=state.current_totp_code())
    assert _assert_error_body(again, 400)["error_code"] == "MFA_ALREADY_VERIFIED"
    assert "already verified" in again.json()["message"]


def test_verify_login_accepts_the_previous_steps_code(server: SandboxServer) -> None:
    state = server.state
    if STEP_S - time.time() % STEP_S < 1:  # let the step turn now, not between here and there
        time.sleep(1.1)
    previous = state.current_totp_code(time.time() - STEP_S)
    with _client(server, state.issue_token(state.mfa_user_id, limited=True)) as limited:
        assert _verify(limited, mfaType="GOOGLE_AUTH", code=previous).status_code == 200


def test_verify_login_with_a_wrong_code(server: SandboxServer, anonymous: httpx.Client) -> None:
    state = server.state
    login = _login(anonymous, state.mfa_email)
    with _client(server, login["accessToken"]) as limited:
        response = _verify(limited, mfaType="GOOGLE_AUTH", code=_wrong_code(state))
        assert response.status_code == 400
        assert response.json() == {
            "success": False,
            "message": "The verification code is not valid",
            "error_code": "INVALID_MFA_CODE",
        }
        for malformed in ("12345", "1234567", "12a456", " 123456"):
            bad = _verify(limited, mfaType="GOOGLE_AUTH", code=malformed)
            assert _assert_error_body(bad, 400)["error_code"] == "INVALID_MFA_CODE"
        for missing in ({}, {"code": ""}, {"code": 123456}):
            bad = _verify(limited, mfaType="GOOGLE_AUTH", **missing)
            assert _assert_error_body(bad, 400)["error_code"] == "MFA_CODE_REQUIRED"
        # Failures leave the session as it was: still limited, still refreshable.
        assert limited.get("/repo").json() == MFA_REQUIRED_BODY
    refreshed = anonymous.post("/user/refresh", json={"refresh_token": login["refreshToken"]})
    assert refreshed.status_code == 200


@pytest.mark.parametrize(
    ("body", "error_code"),
    [
        ({"mfaType": "MAGIC_LINK", "token": "t"}, "MFA_METHOD_NOT_ENABLED"),
        ({"mfaType": "PASSKEY", "credential": {"id": "c"}}, "MFA_METHOD_NOT_ENABLED"),
        ({"mfaType": "SMS", "code": "123456"}, "INVALID_MFA_TYPE"),
        ({"mfaType": "google_auth", "code": "123456"}, "INVALID_MFA_TYPE"),
    ],
)
def test_verify_login_refuses_other_methods_for_the_totp_user(
    server: SandboxServer, body: Json, error_code: str
) -> None:
    with _client(
        server, server.state.issue_token(server.state.mfa_user_id, limited=True)
    ) as limited:
        response = limited.post("/mfa/verify-login", json=body)
    assert _assert_error_body(response, 400)["error_code"] == error_code


@pytest.mark.parametrize("body", [b"{}", b'{"mfaType": ""}', b'{"mfaType": 1}', b"{oops", b"[]"])
def test_verify_login_with_a_bad_body_is_400(server: SandboxServer, body: bytes) -> None:
    with _client(
        server, server.state.issue_token(server.state.mfa_user_id, limited=True)
    ) as limited:
        response = limited.post(
            "/mfa/verify-login", content=body, headers={"Content-Type": "application/json"}
        )
    _assert_error_body(response, 400)


@pytest.mark.parametrize(
    ("body", "error_code"),
    [
        ({"mfaType": "GOOGLE_AUTH", "code": "123456"}, "MFA_METHOD_NOT_ENABLED"),
        ({"mfaType": "MAGIC_LINK"}, "MFA_TOKEN_REQUIRED"),
        ({"mfaType": "MAGIC_LINK", "token": "from-an-email"}, "INVALID_MAGIC_LINK"),
        ({"mfaType": "PASSKEY"}, "MFA_CREDENTIAL_REQUIRED"),
        ({"mfaType": "PASSKEY", "credential": {"id": "c"}}, "INVALID_PASSKEY_CREDENTIAL"),
    ],
)
def test_magic_link_user_cannot_finish_mfa_here(
    server: SandboxServer, anonymous: httpx.Client, body: Json, error_code: str
) -> None:
    login = _login(anonymous, server.state.magic_link_email)
    with _client(server, login["accessToken"]) as limited:
        status = _mfa_status(limited)
        response = limited.post("/mfa/verify-login", json=body)
        assert limited.get("/repo").status_code == 403
    assert status["enabledMethods"] == ["MAGIC_LINK", "PASSKEY"]
    assert status["primaryMethod"] == "MAGIC_LINK"
    assert status["sessionVerified"] is False
    assert _assert_error_body(response, 400)["error_code"] == error_code


@pytest.mark.parametrize("user", ["demo", "mfa"])
def test_verify_login_with_a_full_token_is_already_verified(
    server: SandboxServer, user: str
) -> None:
    user_id = server.state.demo_user_id if user == "demo" else server.state.mfa_user_id
    with _client(server, server.state.issue_token(user_id)) as full:
        response = _verify(full, mfaType="GOOGLE_AUTH", code=server.state.current_totp_code())
    assert _assert_error_body(response, 400)["error_code"] == "MFA_ALREADY_VERIFIED"


def test_pending_refresh_gives_a_limited_token(fresh: SandboxServer) -> None:
    state = fresh.state
    with _client(fresh) as anonymous:
        login = _login(anonymous, state.mfa_email)
        refreshed = anonymous.post("/user/refresh", json={"refresh_token": login["refreshToken"]})
        assert refreshed.status_code == 200
        body = refreshed.json()
        assert _claims(body["accessToken"])["mfa"] == "pending"
        with _client(fresh, body["accessToken"]) as limited:
            assert limited.get("/workspace").json() == MFA_REQUIRED_BODY
            assert limited.get("/user/profile").status_code == 200
            verified = _verify(limited, mfaType="GOOGLE_AUTH", code=state.current_totp_code())
        assert verified.status_code == 200
        # Same session (tokenId): verifying it revokes the rotated pending refresh token too.
        _assert_refresh_refused(anonymous, body["refreshToken"])
    assert state.active_refresh_tokens(state.mfa_user_id) == 1


def test_limited_token_can_sign_out(fresh: SandboxServer) -> None:
    state = fresh.state
    with _client(fresh) as anonymous:
        login = _login(anonymous, state.mfa_email)
        with _client(fresh, login["accessToken"]) as limited:
            response = limited.post("/user/logout", json={"refreshToken": login["refreshToken"]})
        assert response.json() == {"success": True}
        _assert_refresh_refused(anonymous, login["refreshToken"])
    assert state.active_refresh_tokens(state.mfa_user_id) == 0


# ---------------------------------------------------------------- identity, workspaces, repos


def test_profile_shape(server: SandboxServer, api: httpx.Client) -> None:
    body = api.get("/user/profile").json()
    assert body["success"] is True
    assert body["data"] == {
        "id": server.state.demo_user_id,
        "name": "Ana",
        "lastName": "Ruiz",
        "email": server.state.demo_email,
        "orgId": body["data"]["orgId"],
        "orgRole": 0,
        "orgRoleDescription": "USER",
        "orgRoles": [0],
        "validated": True,
        "mfaRequired": False,
        "isBusiness": True,
    }


def test_workspaces_lists_only_the_callers(server: SandboxServer, api: httpx.Client) -> None:
    body = api.get("/workspace").json()
    assert body["success"] is True
    names = [w["name"] for w in body["workspaces"]]
    assert names == ["Marketing", "Legal", "Finance", "Operations"]
    for workspace in body["workspaces"]:
        assert set(workspace) == {"id", "name", "orgId", "users"}
        members = {m["userId"]: m for m in workspace["users"]}
        ana = members[server.state.demo_user_id]
        assert ana["role"] in {"READ", "WRITE", "ADMIN"}
        assert set(ana["user"]) == {"id", "name", "lastName", "email", "orgRole"}


def test_repos_have_the_documented_shape(api: httpx.Client) -> None:
    body = api.get("/repo").json()
    assert body["success"] is True
    repos = body["repos"]
    assert len(repos) >= 12
    visible_workspaces = {w["id"] for w in api.get("/workspace").json()["workspaces"]}
    for repo in repos:
        assert {"id", "name", "storageType", "mode", "workspaceId", "buckets", "createdAt"} <= set(
            repo
        )
        assert repo["workspaceId"] in visible_workspaces
        assert repo["createdAt"].endswith("Z")
        for link in repo["buckets"]:
            assert isinstance(link["master"], bool)
            bucket = link["bucket"]
            assert {"id", "name", "bucket", "storageType", "createdAt", "workspaceId"} <= set(
                bucket
            )
            assert set(bucket["secret"]) == {"key", "iv", "authTag", "message"}
        for entry in repo.get("aiLlms", []):
            if "aiLlm" in entry:
                assert entry["aiLlm"]["key"] is None
                assert entry["aiLlm"]["aiType"] in {"OPENAI", "GOOGLE", "ANTHROPIC", "AWS", "OTHER"}
    assert {r["storageType"] for r in repos} == {"S3", "GCS", "BLOB"}
    assert {r["mode"] for r in repos} == {"NORMAL", "MIRROR"}
    assert any(r.get("aiLlms") for r in repos)
    assert any(r.get("aiLlms") == [] for r in repos)
    assert any("aiLlms" not in r for r in repos)
    assert sum(1 for r in repos if r.get("disabled")) == 1
    assert len({r["name"] for r in repos}) == len(repos)


def _raw_get(url: str, target: str, token: str) -> tuple[int, bytes]:
    """Send exactly ``target`` on the wire (no client library normalising it)."""
    parsed = httpx.URL(url)
    assert parsed.host
    assert parsed.port
    request = (
        f"GET {target} HTTP/1.1\r\nHost: {parsed.host}:{parsed.port}\r\n"
        f"Authorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection((parsed.host, parsed.port), timeout=10) as sock:
        sock.sendall(request.encode("ascii"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_repo_accepts_an_empty_query_string(server: SandboxServer, api: httpx.Client) -> None:
    status, body = _raw_get(server.url, "/repo?", server.state.demo_token)
    assert status == 200
    assert json.loads(body) == api.get("/repo").json()


def test_repo_filters(server: SandboxServer, api: httpx.Client) -> None:
    legal = WORKSPACE_IDS["Legal"]
    by_workspace = api.get("/repo", params={"workspaceId": legal}).json()["repos"]
    assert by_workspace
    assert {r["workspaceId"] for r in by_workspace} == {legal}
    contracts = _repo_named(server.state, "Contracts 2026")
    by_id = api.get("/repo", params={"repoId": contracts["id"]}).json()["repos"]
    assert [r["name"] for r in by_id] == ["Contracts 2026"]
    wallet = next(r["walletAddress"] for r in server.state.repos if "walletAddress" in r)
    assert len(api.get("/repo", params={"walletAddress": wallet}).json()["repos"]) == 1
    hidden = api.get("/repo", params={"workspaceId": WORKSPACE_IDS["Executive"]}).json()
    assert hidden == {"success": True, "repos": []}


# ---------------------------------------------------------------- conversations


def test_create_conversation_and_list_it(fresh: SandboxServer) -> None:
    state = fresh.state
    repo = _repo_named(state, "Marketing assets")
    with _client(fresh, state.demo_token) as client:
        response = client.post("/conversation", json={"repoId": repo["id"]})
        assert response.status_code == 200
        body = response.json()
        assert body == {"success": True, "conversationId": body["conversationId"]}
        assert uuid.UUID(body["conversationId"]).version == 4
        listed = client.get("/conversation").json()
    assert listed["success"] is True
    assert listed["total"] == 1
    conversation = listed["conversations"][0]
    assert conversation == {
        "id": body["conversationId"],
        "orgId": conversation["orgId"],
        "createdBy": state.demo_user_id,
        "createdAt": conversation["createdAt"],
        "lastUpdatedAt": conversation["createdAt"],
        "workspaceId": repo["workspaceId"],
        "repoId": repo["id"],
        "tokensIn": "0",
        "tokensOut": "0",
        "deletedAt": None,
        "repo": {"id": repo["id"], "name": "Marketing assets"},
        "creator": {
            "id": state.demo_user_id,
            "name": "Ana",
            "lastName": "Ruiz",
            "email": state.demo_email,
        },
    }
    assert conversation["createdAt"].endswith("Z")
    assert [c["id"] for c in state.conversations_for(repo["id"])] == [body["conversationId"]]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b"[]",
        b'"Marketing assets"',
        b"{}",
        b'{"repoId": ""}',
        b'{"repoId": "   "}',
        b'{"repoId": 123}',
        b'{"repoId": null}',
    ],
)
def test_create_conversation_validation(
    server: SandboxServer, api: httpx.Client, body: bytes
) -> None:
    response = api.post("/conversation", content=body, headers={"Content-Type": "application/json"})
    _assert_error_body(response, 400)


def test_create_conversation_unknown_repo_is_404(api: httpx.Client) -> None:
    response = api.post("/conversation", json={"repoId": "no-such-repo"})
    assert response.status_code == 404
    assert response.json() == {"success": False, "message": "Repository not found"}


def test_create_conversation_outside_my_workspaces_is_403(
    server: SandboxServer, api: httpx.Client
) -> None:
    board = _repo_named(server.state, "Board minutes")
    _assert_error_body(api.post("/conversation", json={"repoId": board["id"]}), 403)
    assert server.state.conversations_for(board["id"]) == []


def test_list_conversations_pages_newest_first(fresh: SandboxServer) -> None:
    repo = _repo_named(fresh.state, "Invoices 2026")
    other = _repo_named(fresh.state, "NDAs")
    with _client(fresh, fresh.state.demo_token) as client:
        created = [_create(client, repo["id"]) for _ in range(5)]
        _create(client, other["id"])
        first = client.get("/conversation", params={"repoId": repo["id"], "take": 2}).json()
        rest = client.get(
            "/conversation", params={"repoId": repo["id"], "take": 10, "skip": 2}
        ).json()
        everything = client.get("/conversation").json()
        future = client.get("/conversation", params={"from": "2999-01-01T00:00:00Z"}).json()
    assert first["total"] == rest["total"] == 5
    ids = [c["id"] for c in first["conversations"] + rest["conversations"]]
    assert ids == created[::-1]
    assert everything["total"] == 6
    assert future == {"success": True, "conversations": [], "total": 0}


@pytest.mark.parametrize(
    "params",
    [
        {"take": "0"},
        {"take": "101"},
        {"take": "ten"},
        {"take": "-1"},
        {"skip": "-1"},
        {"skip": "1.5"},
        {"showDeleted": "maybe"},
        {"from": "yesterday"},
    ],
)
def test_list_conversations_rejects_bad_parameters(
    api: httpx.Client, params: dict[str, str]
) -> None:
    _assert_error_body(api.get("/conversation", params=params), 400)


def test_conversation_visibility_follows_roles(fresh: SandboxServer) -> None:
    legal_repo = _repo_named(fresh.state, "Contracts 2026")
    with _client(fresh, fresh.state.demo_token) as ana:
        _create(ana, legal_repo["id"])
    with _client(fresh, fresh.state.issue_token(BEN_ID)) as owner:
        assert owner.get("/conversation").json()["total"] == 1
    with _client(fresh, fresh.state.issue_token(CHLOE_ID)) as colleague:
        assert colleague.get("/conversation").json()["total"] == 0


def test_delete_conversation_soft_then_hard(fresh: SandboxServer) -> None:
    repo = _repo_named(fresh.state, "Budget planning")
    with _client(fresh, fresh.state.demo_token) as client:
        conversation_id = _create(client, repo["id"])
        soft = client.delete(f"/conversation/{conversation_id}", params={"hardDelete": "false"})
        assert soft.json() == {"success": True}
        assert client.get("/conversation").json()["total"] == 0
        shown = client.get("/conversation", params={"showDeleted": "true"}).json()
        assert shown["conversations"][0]["deletedAt"].endswith("Z")
        assert fresh.state.conversations_for(repo["id"]) == []
        again = client.delete(f"/conversation/{conversation_id}")
        _assert_error_body(again, 404)
        hard = client.delete(f"/conversation/{conversation_id}", params={"hardDelete": "true"})
        assert hard.status_code == 200
        assert client.get("/conversation", params={"showDeleted": "true"}).json()["total"] == 0
        _assert_error_body(client.delete(f"/conversation/{uuid.uuid4()}"), 404)


def test_seeded_conversations_follow_the_documented_shape(fresh: SandboxServer) -> None:
    repo = _repo_named(fresh.state, "Invoices 2026")
    huge = 2**64 + 1
    moment = datetime(2026, 4, 1, 9, 0, 0, 123000, tzinfo=UTC)
    titled = fresh.state.add_conversation(
        repo["id"], created_at=moment, title="Renewals", tokens_in=huge, tokens_out=7
    )
    bare = fresh.state.add_conversation(repo["id"], user_id=BEN_ID, with_creator=False)
    with _client(fresh, fresh.state.demo_token) as client:  # Ana administers Finance
        listed = client.get("/conversation", params={"repoId": repo["id"]}).json()
    newest, oldest = listed["conversations"]
    assert [newest["id"], oldest["id"]] == [bare, titled]
    assert oldest["tokensIn"] == str(huge)  # BigIntString: a decimal string, exact
    assert oldest["tokensOut"] == "7"
    assert oldest["title"] == "Renewals"
    assert oldest["createdAt"] == "2026-04-01T09:00:00.123Z"
    assert oldest["creator"]["email"] == fresh.state.demo_email
    assert "title" not in newest  # optional: absent until a conversation has one
    assert "creator" not in newest
    assert newest["createdBy"] == BEN_ID


def test_show_deleted_paging_and_order_together(fresh: SandboxServer) -> None:
    repo = _repo_named(fresh.state, "Invoices 2026")
    same_moment = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    ids = [fresh.state.add_conversation(repo["id"], created_at=same_moment) for _ in range(3)]
    gone = fresh.state.add_conversation(
        repo["id"], created_at=same_moment + timedelta(minutes=1), deleted=True
    )
    with _client(fresh, fresh.state.demo_token) as client:

        def page(**params: object) -> Json:
            query = {"repoId": repo["id"], **params}
            body: Json = client.get("/conversation", params=query).json()
            return body

        live = page(take=2)
        assert [c["id"] for c in live["conversations"]] == ids[::-1][:2]  # ties: newest made first
        assert live["total"] == 3
        everything = page(showDeleted="true", take=2, skip=0)
        rest = page(showDeleted="true", take=2, skip=2)
        assert everything["total"] == rest["total"] == 4
        shown = [c["id"] for c in everything["conversations"] + rest["conversations"]]
        assert shown == [gone, *ids[::-1]]
        assert page(showDeleted="false")["total"] == 3
        assert page(skip=3)["conversations"] == []


# ---------------------------------------------------------------- Express-like edges


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/nope"), ("POST", "/repo"), ("PUT", "/conversation"), ("GET", "/user/login")],
)
def test_unknown_routes_get_express_html_404(api: httpx.Client, method: str, path: str) -> None:
    _assert_express_404(api.request(method, path), method, path)


def test_trailing_slash_is_tolerated(api: httpx.Client) -> None:
    assert api.get("/workspace/").status_code == 200


def test_without_conversation_routes_it_behaves_like_production(
    server: SandboxServer, api: httpx.Client, anonymous: httpx.Client
) -> None:
    server.state.conversations_enabled = False
    repo = _repo_named(server.state, "Marketing assets")
    before = server.state.conversations_for(repo["id"])
    _assert_express_404(
        api.post("/conversation", json={"repoId": repo["id"]}), "POST", "/conversation"
    )
    _assert_express_404(api.get("/conversation?take=5"), "GET", "/conversation")
    # No route means no auth check either.
    _assert_express_404(anonymous.post("/conversation", json={}), "POST", "/conversation")
    assert api.get("/repo").status_code == 200
    assert server.state.conversations_for(repo["id"]) == before


def test_oversized_body_is_refused(api: httpx.Client) -> None:
    body = {"repoId": "x" * 2_000_000}
    assert api.post("/conversation", json=body).status_code == 413


# ---------------------------------------------------------------- counting and faults


def test_request_count_counts_everything(server: SandboxServer, api: httpx.Client) -> None:
    state = server.state
    state.reset_counts()
    api.get("/repo?workspaceId=x")
    api.get("/repo", headers={"Authorization": "Bearer nope"})  # rejected: still counted
    api.post("/conversation", json={})
    api.delete("/conversation/abc")
    api.get("/missing")
    assert state.request_count("GET", "/repo") == 2
    assert state.request_count("get", "/repo") == 2
    assert state.request_count("POST", "/conversation") == 1
    assert state.request_count("GET", "/conversation") == 0
    assert state.request_count("DELETE", "/conversation/abc") == 1
    assert state.request_count("DELETE", "/conversation/{conversationId}") == 1
    assert state.request_count("GET", "/missing") == 1
    state.reset_counts()
    assert state.request_count("GET", "/repo") == 0


def test_request_count_covers_the_mfa_routes(server: SandboxServer, api: httpx.Client) -> None:
    state = server.state
    state.reset_counts()
    api.get("/mfa/status")
    api.get("/mfa/status/")  # the trailing slash is counted under the same path
    api.get("/mfa/status", headers={"Authorization": "Bearer nope"})  # rejected: still counted
    api.post("/mfa/verify-login", json={"mfaType": "GOOGLE_AUTH", "code": "000000"})
    api.post("/mfa/status")  # no such route: an Express 404, counted as POST
    assert state.request_count("GET", "/mfa/status") == 3
    assert state.request_count("POST", "/mfa/verify-login") == 1
    assert state.request_count("POST", "/mfa/status") == 1
    assert state.request_count("GET", "/mfa/verify-login") == 0


def test_faults_apply_to_the_mfa_routes(server: SandboxServer, api: httpx.Client) -> None:
    server.state.faults.add("POST", "/mfa/verify-login", Fault(status=503))
    assert api.post("/mfa/verify-login", json={}).status_code == 503
    assert api.post("/mfa/verify-login", json={}).status_code == 400  # the real handler again


def test_status_fault_applies_once_then_the_real_handler(
    server: SandboxServer, api: httpx.Client
) -> None:
    state = server.state
    repo = _repo_named(state, "Payroll exports")
    before = len(state.conversations_for(repo["id"]))
    state.reset_counts()
    state.faults.add("POST", "/conversation", Fault(status=500))
    failed = api.post("/conversation", json={"repoId": repo["id"]})
    assert failed.status_code == 500
    assert failed.json() == {"success": False, "message": "Internal Server Error"}
    assert len(state.conversations_for(repo["id"])) == before  # the handler never ran
    assert api.post("/conversation", json={"repoId": repo["id"]}).status_code == 200
    assert state.request_count("POST", "/conversation") == 2
    assert len(state.conversations_for(repo["id"])) == before + 1


def test_fault_with_custom_body_and_headers(server: SandboxServer, api: httpx.Client) -> None:
    server.state.faults.add(
        "GET",
        "/repo",
        Fault(status=502, body="<html>Bad gateway</html>", content_type="text/html"),
    )
    server.state.faults.add("GET", "/repo", Fault(status=429, headers={"Retry-After": "7"}))
    gateway = api.get("/repo")
    assert (gateway.status_code, gateway.text) == (502, "<html>Bad gateway</html>")
    assert gateway.headers["content-type"] == "text/html"
    limited = api.get("/repo")
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "7"
    assert api.get("/repo").status_code == 200


def test_fault_until_cleared_and_by_route_template(
    server: SandboxServer, api: httpx.Client
) -> None:
    faults = server.state.faults
    faults.add("DELETE", "/conversation/{conversationId}", Fault(status=503), times=None)
    for _ in range(3):
        assert api.delete(f"/conversation/{uuid.uuid4()}").status_code == 503
    faults.clear()
    assert api.delete(f"/conversation/{uuid.uuid4()}").status_code == 404


def test_delay_fault_does_not_block_other_requests(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.state.faults.add("GET", "/user/profile", Fault(delay_s=1.0))
    results: dict[str, float] = {}

    def slow_request() -> None:
        started = time.monotonic()
        assert api.get("/user/profile").status_code == 200  # the real handler, after the delay
        results["slow"] = time.monotonic() - started

    worker = threading.Thread(target=slow_request)
    worker.start()
    time.sleep(0.2)
    with _client(server, server.state.demo_token) as other:
        started = time.monotonic()
        assert other.get("/workspace").status_code == 200
        results["fast"] = time.monotonic() - started
    worker.join(10)
    assert results["slow"] >= 0.95
    assert results["fast"] < 0.5


def test_delay_then_status(server: SandboxServer, api: httpx.Client) -> None:
    server.state.faults.add("GET", "/workspace", Fault(status=504, delay_s=0.3))
    started = time.monotonic()
    _assert_error_body(api.get("/workspace"), 504)
    assert time.monotonic() - started >= 0.3


def test_fault_arguments_are_checked(server: SandboxServer) -> None:
    with pytest.raises(ValueError, match="status"):
        Fault(status=42)
    with pytest.raises(ValueError, match="delay_s"):
        Fault(delay_s=-1)
    with pytest.raises(ValueError, match="times"):
        server.state.faults.add("GET", "/repo", Fault(status=500), times=0)


# ---------------------------------------------------------------- data and lifecycle


def test_seed_and_generated_repos_are_deterministic() -> None:
    assert seed_repos() == seed_repos()
    assert [r["id"] for r in SandboxState().repos] == [r["id"] for r in SandboxState().repos]
    generated = make_repos(600)
    assert generated == make_repos(600)
    assert len({r["id"] for r in generated}) == 600
    assert len({r["name"] for r in generated}) == 600
    assert {"Contracts 2022", "Invoices 2022"} <= {r["name"] for r in generated}


def test_repos_override_is_served() -> None:
    state = SandboxState(repos=make_repos(30))
    with SandboxServer(state=state) as running, _client(running, state.demo_token) as client:
        repos = client.get("/repo").json()["repos"]
    assert len(repos) == 30


def test_lifecycle_start_stop_is_idempotent() -> None:
    sandbox = SandboxServer()
    with pytest.raises(RuntimeError):
        _ = sandbox.url
    sandbox.stop()  # never started: nothing to do
    sandbox.start()
    with pytest.raises(RuntimeError):
        sandbox.start()
    url = sandbox.url
    assert url.startswith("http://127.0.0.1:")
    assert not url.endswith("/")
    sandbox.stop()
    sandbox.stop()
    assert not [t for t in threading.enumerate() if t.name.endswith(url.rsplit(":", 1)[1])]
    with pytest.raises(httpx.ConnectError), _client(sandbox) as client:
        client.get("/repo")


def test_start_fails_loudly_on_a_busy_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError, match="in use"):
            SandboxServer(port=taken.getsockname()[1]).start()


def test_stop_does_not_hang_on_a_request_in_flight(caplog: pytest.LogCaptureFixture) -> None:
    sandbox = SandboxServer()
    sandbox.start()
    sandbox.state.faults.add("GET", "/workspace", Fault(delay_s=30))
    outcome: list[int] = []

    def stuck_request() -> None:
        with _client(sandbox, sandbox.state.demo_token) as client:
            outcome.append(client.get("/workspace").status_code)

    worker = threading.Thread(target=stuck_request)
    worker.start()
    time.sleep(0.3)
    started = time.monotonic()
    sandbox.stop()
    assert time.monotonic() - started < 2
    worker.join(10)
    assert outcome == [503]  # cut short with "shutting down", not left to time out
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


# ---------------------------------------------------------------- command line


def _pump_lines(stdout: IO[str]) -> tuple[queue.Queue[str], threading.Thread]:
    """Read the child's stdout in a thread so a silent child cannot hang the test."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stdout:
            lines.put(line)

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return lines, thread


def _announcement(lines: queue.Queue[str], timeout_s: float = 30) -> dict[str, str]:
    values: dict[str, str] = {}
    deadline = time.monotonic() + timeout_s
    while len(values) < len(CLI_KEYS):
        line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        key, _, value = line.rstrip("\n").partition("=")
        values[key] = value
    return values


def _use_announced_server(values: dict[str, str]) -> None:
    assert list(values) == CLI_KEYS
    assert values["URL"].startswith("http://127.0.0.1:")
    headers = {"Authorization": f"Bearer {values['TOKEN']}"}
    credentials = {"email": values["EMAIL"], "password": values["PASSWORD"]}
    with httpx.Client(base_url=values["URL"], trust_env=False, timeout=10) as client:
        profile = client.get("/user/profile", headers=headers)
        login = client.post("/user/login", json=credentials)
    assert profile.status_code == 200
    assert profile.json()["data"]["email"] == values["EMAIL"]
    assert login.status_code == 200
    _use_announced_sign_in_paths(values)


def _use_announced_sign_in_paths(values: dict[str, str]) -> None:
    secret = values["MFA_TOTP_SECRET"]
    assert verify_totp(secret, values["MFA_CODE"], window=2)  # printed at start-up, seconds ago
    with httpx.Client(base_url=values["URL"], trust_env=False, timeout=10) as client:
        limited = client.post(
            "/user/login", json={"email": values["MFA_EMAIL"], "password": values["PASSWORD"]}
        ).json()["accessToken"]
        verified = client.post(
            "/mfa/verify-login",
            headers={"Authorization": f"Bearer {limited}"},
            json={"mfaType": "GOOGLE_AUTH", "code": totp_code(secret)},
        )
        magic = client.post(
            "/user/login",
            json={"email": values["MAGIC_LINK_EMAIL"], "password": values["PASSWORD"]},
        ).json()["accessToken"]
        status = client.get("/mfa/status", headers={"Authorization": f"Bearer {magic}"})
        no_password = client.post(
            "/user/login",
            json={"email": values["NO_PASSWORD_EMAIL"], "password": values["PASSWORD"]},
        )
    assert verified.status_code == 200
    assert "GOOGLE_AUTH" not in status.json()["data"]["enabledMethods"]
    assert no_password.json()["error_code"] == "NO_PASSWORD_SET"


@pytest.mark.parametrize(
    "stop_signal",
    [
        pytest.param(signal.SIGTERM, id="SIGTERM"),
        pytest.param(
            signal.SIGINT,
            id="SIGINT",
            marks=pytest.mark.skipif(sys.platform == "win32", reason="POSIX signal"),
        ),
    ],
)
def test_cli_prints_credentials_that_work(stop_signal: signal.Signals, tmp_path: Path) -> None:
    stderr_path = tmp_path / "stderr.txt"
    with (
        stderr_path.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-m", "flashback_desktop.sandbox", "--port", "0"],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as process,
    ):
        assert process.stdout is not None
        lines, pump = _pump_lines(process.stdout)
        try:
            values = _announcement(lines)
            _use_announced_server(values)
            process.send_signal(stop_signal)
            assert process.wait(timeout=15) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            pump.join(5)
    errors = stderr_path.read_text()
    assert values["TOKEN"] not in errors
    assert values["PASSWORD"] not in errors
    assert values["MFA_TOTP_SECRET"] not in errors
    assert "Traceback" not in errors


def test_cli_refuses_a_remote_host(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        sandbox_cli.main(["--host", "0.0.0.0"])  # noqa: S104 - the point of the test
    assert exited.value.code == 2
    assert "--allow-remote" in capsys.readouterr().err
    assert sandbox_cli.is_loopback("::1")
    assert sandbox_cli.is_loopback("localhost")
    assert not sandbox_cli.is_loopback("example.org")


def test_demo_history_fills_more_than_one_page_newest_first(fresh: SandboxServer) -> None:
    seeded = fresh.state.seed_demo_history(now=datetime(2026, 5, 1, 12, 0, tzinfo=UTC))
    contracts = next(r["id"] for r in fresh.state.repos if r["name"] == "Contracts 2026")
    with _client(fresh, fresh.state.demo_token) as client:
        page = client.get("/conversation", params={"repoId": contracts, "take": 100}).json()
    listed = page["conversations"]
    assert seeded == 37
    assert len(listed) == 27  # more than one page of 20 in the window
    created = [c["createdAt"] for c in listed]
    assert created == sorted(created, reverse=True)
    assert listed[0]["title"] == "Renewal terms"  # the newest is the first one planned
    assert {c["createdBy"] for c in listed} == {store.ANA_ID}
    assert all(int(c["tokensIn"]) > 0 and int(c["tokensOut"]) > 0 for c in listed)
