from __future__ import annotations

import pytest

from flashback_desktop.config import (
    PRODUCTION_SERVER,
    ServerUrlError,
    canonical_origin,
    choose_server,
    is_loopback_host,
    normalise_server_url,
)


def test_production_is_the_default() -> None:
    choice = choose_server(None, {}, None)
    assert choice.base_url == PRODUCTION_SERVER
    assert choice.source == "default"


def test_command_line_beats_environment_beats_settings() -> None:
    env = {"FLASHBACK_SERVER": "https://env.example.com"}
    assert choose_server("https://cli.example.com", env, "https://saved.example.com").source == (
        "command line"
    )
    assert choose_server(None, env, "https://saved.example.com").base_url == (
        "https://env.example.com"
    )
    assert choose_server(None, {}, "https://saved.example.com/").base_url == (
        "https://saved.example.com"
    )


@pytest.mark.parametrize(
    "url",
    ["http://flashback.example.com", "ftp://x.example.com", "not a url", "", "https://u:p@h.com"],
)
def test_unsafe_or_malformed_servers_are_refused(url: str) -> None:
    with pytest.raises(ServerUrlError):
        normalise_server_url(url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost:5", "http://[::1]:9"])
def test_plain_http_is_allowed_for_loopback_only(url: str) -> None:
    assert normalise_server_url(url) == url


def test_origin_ignores_path_case_and_default_port() -> None:
    assert canonical_origin("https://Backend.Flashback.tech:443/api/") == (
        "https://backend.flashback.tech"
    )
    assert canonical_origin("https://test.example.com:8443/x") == "https://test.example.com:8443"
    assert canonical_origin("http://[::1]:9") == "http://[::1]:9"


def test_test_and_production_origins_differ() -> None:
    assert canonical_origin("https://test.flashback.example") != canonical_origin(PRODUCTION_SERVER)


@pytest.mark.parametrize(
    ("host", "expected"),
    [("localhost", True), ("127.0.0.9", True), ("::1", True), ("10.0.0.1", False), ("a.b", False)],
)
def test_loopback_detection(host: str, expected: bool) -> None:
    assert is_loopback_host(host) is expected


SYSTEM = "https://flashback.corp.example"


def test_the_system_wide_default_comes_after_the_person_and_before_production() -> None:
    env = {"FLASHBACK_SERVER": "https://env.example.com"}
    assert choose_server("https://cli.example.com", env, None, SYSTEM).source == "command line"
    assert choose_server(None, env, "https://saved.example.com", SYSTEM).source == "environment"
    saved = choose_server(None, {}, "https://saved.example.com", SYSTEM)
    assert (saved.base_url, saved.source) == ("https://saved.example.com", "settings")
    system = choose_server(None, {}, None, SYSTEM + "/")
    assert (system.base_url, system.source) == (SYSTEM, "system-wide default")
    assert choose_server(None, {}, "  ", "").base_url == PRODUCTION_SERVER


def test_an_unusable_system_wide_default_says_where_it_came_from() -> None:
    with pytest.raises(ServerUrlError, match="system-wide default"):
        choose_server(None, {}, None, "http://flashback.corp.example")
    # Only the value chosen is checked: the person's own setting still works.
    assert choose_server(None, {}, SYSTEM, "http://bad.example").base_url == SYSTEM
