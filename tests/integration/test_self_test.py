"""--self-test from source: every check passes here, and a missing part fails its own line.

The bundle runs the same checks in tests/bundle; these run in-process, so each failure
path can be provoked directly (a keyring with no backend, a CA store that does not exist).
"""

from __future__ import annotations

import io
import re
import ssl
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from flashback_desktop import self_test
from flashback_desktop.self_test import KEYRING_PROBE_SERVICE, run_self_test
from tests.support.memory_keyring import MemoryKeyring

CHECKS = ["qt", "window", "resources", "keyring backend", "tls", "sandbox", "round trip"]


def lines_of(require_keyring: bool) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_self_test(require_keyring, out)
    return code, out.getvalue().splitlines()


def names(lines: list[str], status: str) -> list[str]:
    return [m[1] for m in (re.match(rf"{status}\s+([^:]+):", line) for line in lines) if m]


def test_every_check_passes_and_prints_one_line(memory_keyring: MemoryKeyring) -> None:
    code, lines = lines_of(require_keyring=False)
    assert code == 0, lines
    assert names(lines, "ok") == CHECKS
    assert lines[-1] == f"self-test: all {len(CHECKS)} checks passed"
    keyring_line = next(line for line in lines if line.startswith("ok   keyring backend"))
    assert "tests.support.memory_keyring.MemoryKeyring" in keyring_line
    round_trip = next(line for line in lines if line.startswith("ok   round trip"))
    assert "listed 14 repositories" in round_trip
    assert "created conversation" in round_trip


class RecordingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.written: list[str] = []

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written.append(service)
        super().set_password(service, username, password)


def test_require_keyring_adds_a_round_trip_that_leaves_nothing() -> None:
    backend = RecordingKeyring()
    keyring.set_keyring(backend)
    code, lines = lines_of(require_keyring=True)
    assert code == 0, lines
    assert "keyring round trip" in names(lines, "ok")
    assert backend.written == [KEYRING_PROBE_SERVICE]  # one throwaway entry was written...
    assert backend.entries == {}  # ...and deleted again


def test_no_keyring_is_only_a_failure_when_one_is_required() -> None:
    keyring.set_keyring(fail.Keyring())
    code, lines = lines_of(require_keyring=False)
    assert code == 0, lines
    assert any("keyring backend: none usable (keyring.backends.fail.Keyring)" in x for x in lines)

    code, lines = lines_of(require_keyring=True)
    assert code == 1
    assert names(lines, "FAIL") == ["keyring backend", "keyring round trip"]
    assert lines[-1] == f"self-test: 2 of {len(CHECKS) + 1} checks failed"
    assert names(lines, "ok") == [c for c in CHECKS if c != "keyring backend"]  # others still run


def test_no_ca_certificates_fails_the_tls_check(monkeypatch: pytest.MonkeyPatch) -> None:
    empty = ssl.DefaultVerifyPaths(None, None, "SSL_CERT_FILE", "/nonexistent", "", "")  # type: ignore[arg-type]
    monkeypatch.setattr(ssl, "get_default_verify_paths", lambda: empty)
    monkeypatch.setattr(self_test, "LINUX_CA_FILES", ("/nonexistent/ca.pem",))
    code, lines = lines_of(require_keyring=False)
    assert code == 1
    assert "FAIL tls: no system CA certificates found: install the ca-certificates package" in (
        lines
    )


def test_a_failing_round_trip_is_reported_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def refused(_sandbox: object) -> str:
        raise ConnectionRefusedError("connection refused")

    monkeypatch.setattr(self_test, "round_trip", refused)
    code, lines = lines_of(require_keyring=False)
    assert code == 1
    assert "FAIL round trip: ConnectionRefusedError: connection refused" in lines
    assert not any("Traceback" in line for line in lines)


def test_the_command_line_runs_it_and_rejects_require_keyring_alone() -> None:
    env_command = [sys.executable, "-m", "flashback_desktop"]
    alone = subprocess.run(
        [*env_command, "--require-keyring"], capture_output=True, text=True, check=False
    )
    assert alone.returncode == 2
    assert "--require-keyring goes with --self-test" in alone.stderr
    full = subprocess.run(
        [*env_command, "--self-test"], capture_output=True, text=True, check=False, timeout=120
    )
    assert full.returncode == 0, full.stdout + full.stderr
    assert full.stdout.splitlines()[-1] == f"self-test: all {len(CHECKS)} checks passed"


def test_an_installation_without_its_resources_fails_that_line_and_names_what_is_missing(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("flashback_desktop.resource_paths.root", lambda: tmp_path)
    line = self_test._run_one("resources", self_test.check_resources).line()
    assert line == (
        f"FAIL resources: missing from {tmp_path}: translation es, user guide es, "
        "translation de, user guide de, user guide en, icons"
    )
