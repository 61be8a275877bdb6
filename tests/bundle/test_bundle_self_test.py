"""The built bundle's --self-test: every check passes, with nothing unexpected on stderr, and
with the real Secret Service it names that backend and round-trips an entry through it."""

from __future__ import annotations

import re
import subprocess

import pytest
import secretstorage

from flashback_desktop.self_test import KEYRING_PROBE_SERVICE
from tests.bundle.conftest import Built, bundle_env
from tests.support.real_parts import require_secret_service

pytestmark = pytest.mark.bundle

CHECKS = ["qt", "window", "resources", "keyring backend", "tls", "sandbox", "round trip"]

# stderr lines that are known and harmless; anything else fails the test.
STDERR_ALLOWED: tuple[re.Pattern[str], ...] = (
    # None so far: Qt's offscreen platform, keyring and the sandbox run silently. Add a
    # pattern here only with a comment saying where the line comes from and why it is fine.
)


def run_self_test(built: Built, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = bundle_env(**env)
    # No display at all: the self-test must choose the offscreen platform by itself.
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        environment.pop(name, None)
    return subprocess.run(
        [str(built.launcher), "--self-test", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )


def check_lines(stdout: str, status: str) -> list[str]:
    pattern = re.compile(rf"^{status}\s+([^:]+):", re.MULTILINE)
    return pattern.findall(stdout)


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.search(line) for p in STDERR_ALLOWED)
    ]


def test_every_check_passes_without_a_display(built: Built) -> None:
    result = run_self_test(built)
    print(result.stdout)  # the check lines, for whoever reads the CI log
    assert result.returncode == 0, result.stdout + result.stderr
    assert check_lines(result.stdout, "ok") == CHECKS
    assert "offscreen platform" in result.stdout
    assert "listed 14 repositories" in result.stdout
    assert unexpected_stderr(result.stderr) == []


def test_require_keyring_names_the_secret_service_and_round_trips(built: Built) -> None:
    require_secret_service()  # the test run's private D-Bus session with gnome-keyring
    result = run_self_test(built, "--require-keyring")
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert check_lines(result.stdout, "ok") == [*CHECKS[:4], "keyring round trip", *CHECKS[4:]]
    backend_line = next(x for x in result.stdout.splitlines() if "keyring backend:" in x)
    assert "keyring.backends.SecretService.Keyring" in backend_line
    assert "wrote, read and deleted a throwaway entry in" in result.stdout
    assert unexpected_stderr(result.stderr) == []
    # The throwaway entry is really gone from the Secret Service, seen from outside.
    with secretstorage.dbus_init() as connection:
        left = list(secretstorage.search_items(connection, {"service": KEYRING_PROBE_SERVICE}))
    assert left == []


def test_require_keyring_fails_where_no_store_is_usable(built: Built) -> None:
    result = run_self_test(
        built, "--require-keyring", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"
    )
    assert result.returncode == 1
    assert check_lines(result.stdout, "FAIL") == ["keyring backend", "keyring round trip"]
    assert "no usable password store" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
