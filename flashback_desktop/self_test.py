"""``--self-test``: can this copy of the app work on this computer? One line per check.

For IT and for the bundle's own tests: it needs no display and no network. Qt runs on
its offscreen platform, the window is built and painted off screen, and the server is the
built-in sandbox on the loopback address. Every check runs even after one fails, so a
single run names everything that is wrong; the exit status is 1 if any check failed.

``--require-keyring`` makes a missing password store a failure (a workstation must have
one) and adds a write/read/delete round trip of a throwaway entry.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import ssl
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from flashback_desktop.sandbox import SandboxServer

EXIT_PASSED, EXIT_FAILED = 0, 1
# The throwaway keyring entry; the service name says what it is, should it ever stay behind.
KEYRING_PROBE_SERVICE = "Flashback Desktop self-test (safe to delete)"
_SANDBOX_TIMEOUT_S = 10.0


class CheckFailed(Exception):
    """A check's plain-language reason for failing."""


@dataclass(frozen=True)
class Outcome:
    name: str
    passed: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.passed else 'FAIL'} {self.name}: {self.detail}"


@dataclass
class SelfTest:
    """The checks in order; later ones reuse what earlier ones built (the sandbox)."""

    require_keyring: bool
    sandbox: SandboxServer | None = None

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        checks: list[tuple[str, Callable[[], str]]] = [
            ("qt", check_qt),
            ("window", check_window),
            ("resources", check_resources),
            ("keyring backend", self.check_keyring_backend),
        ]
        if self.require_keyring:
            checks.append(("keyring round trip", check_keyring_round_trip))
        checks += [
            ("tls", check_tls),
            ("sandbox", self.check_sandbox),
            ("round trip", self.check_round_trip),
        ]
        return checks

    def check_keyring_backend(self) -> str:
        import keyring
        import keyring.backend

        from flashback_desktop.session.keyring_backend import choose_backend

        available = keyring.backend.get_all_keyring()  # loads every backend's entry point
        chosen = choose_backend()  # the app's own choice
        names = usable_backends(chosen)
        listed = f"{len(available)} backends load"
        if not names:
            if self.require_keyring:
                raise CheckFailed(
                    f"no usable password store ({backend_name(chosen)}); {listed}. "
                    "Set up GNOME Keyring, KWallet or another Secret Service"
                )
            return f"none usable ({backend_name(chosen)}): sign-ins last until the app closes"
        return f"{', '.join(names)} ({listed})"

    def check_sandbox(self) -> str:
        import http.client
        from urllib.parse import urlsplit

        from flashback_desktop.sandbox import SandboxServer

        self.sandbox = SandboxServer()
        self.sandbox.start()
        address = urlsplit(self.sandbox.url)
        connection = http.client.HTTPConnection(
            address.hostname or "127.0.0.1", address.port, timeout=_SANDBOX_TIMEOUT_S
        )
        try:
            connection.request("GET", "/user/profile")  # no token: must be refused, as JSON
            answer = connection.getresponse()
            kind = answer.getheader("Content-Type", "")
            answer.read()
        finally:
            connection.close()
        if answer.status != 401 or not kind.startswith("application/json"):
            raise CheckFailed(f"unexpected answer {answer.status} ({kind}) without a token")
        return f"answers at {self.sandbox.url}"

    def check_round_trip(self) -> str:
        if self.sandbox is None:
            raise CheckFailed("skipped: the sandbox did not start")
        return asyncio.run(round_trip(self.sandbox))

    def close(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()


def run_self_test(require_keyring: bool, out: TextIO | None = None) -> int:
    """Run every check, print one line for each and a summary; 0 when all passed."""
    out = out or sys.stdout
    # No display needed: Qt draws into memory unless the caller chose a platform on purpose.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    test = SelfTest(require_keyring)
    outcomes: list[Outcome] = []
    try:
        for name, check in test.checks():
            outcome = _run_one(name, check)
            outcomes.append(outcome)
            print(outcome.line(), file=out, flush=True)
    finally:
        test.close()
    failed = [o.name for o in outcomes if not o.passed]
    if failed:
        print(f"self-test: {len(failed)} of {len(outcomes)} checks failed", file=out)
        return EXIT_FAILED
    print(f"self-test: all {len(outcomes)} checks passed", file=out)
    return EXIT_PASSED


def _run_one(name: str, check: Callable[[], str]) -> Outcome:
    started = time.perf_counter()
    try:
        detail = check()
    except CheckFailed as exc:
        return Outcome(name, False, str(exc))
    except Exception as exc:  # any other failure is reported the same way, without a traceback
        return Outcome(name, False, f"{type(exc).__name__}: {exc}")
    return Outcome(name, True, f"{detail} [{(time.perf_counter() - started) * 1000:.0f} ms]")


# ---- the checks ------------------------------------------------------------------------------


def check_qt() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    wanted = os.environ.get("QT_QPA_PLATFORM", "")
    platform = QApplication.platformName()
    if wanted and platform != wanted.split(":")[0]:
        raise CheckFailed(f"asked for the {wanted} platform, got {platform}")
    return f"Qt {qVersion()} (PySide6 {pyside_version}), {platform} platform, {type(app).__name__}"


def check_window() -> str:
    from flashback_desktop.ui.main_content import build_main_window
    from flashback_desktop.ui.tasks import TaskManager

    crashes: list[BaseException] = []
    window = build_main_window(TaskManager(crashes.append), server_label="self-test")
    try:
        picture = window.grab()  # paints every child widget off screen
        if picture.isNull() or picture.width() < 100 or picture.height() < 100:
            raise CheckFailed(f"the window painted as {picture.width()}x{picture.height()}")
        if crashes:
            raise CheckFailed(f"unexpected error while building it: {crashes[0]!r}")
        return f"main window built and painted ({picture.width()}x{picture.height()})"
    finally:
        window.deleteLater()


def check_resources() -> str:
    """The app's own files where this installation keeps them (a wheel, the bundle or a
    checkout): each language's catalogue loads, the user guide and the window icon exist."""
    from PySide6.QtCore import QTranslator

    from flashback_desktop import desktop_identity, i18n, resource_paths
    from flashback_desktop.ui.user_guide import SECTION, guide_path

    missing: list[str] = []
    translations = str(resource_paths.resource("translations"))
    for language in i18n.LANGUAGES:
        if language == i18n.SOURCE_LANGUAGE:
            continue
        translator = QTranslator()
        if not translator.load(f"{i18n.CATALOGUE}_{language}", translations):
            missing.append(f"translation {language}")
        if not guide_path(language).is_file():
            missing.append(f"user guide {language}")
    readme = resource_paths.readme()
    if not readme.is_file() or SECTION not in readme.read_text(encoding="utf-8"):
        missing.append("user guide en")
    if desktop_identity.icon_folder() is None:
        missing.append("icons")
    if missing:
        raise CheckFailed(f"missing from {resource_paths.root()}: {', '.join(missing)}")
    languages = ", ".join(i18n.LANGUAGES)
    return f"translations, user guide ({languages}) and icons in {resource_paths.root()}"


def backend_name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def usable_backends(chosen: KeyringBackend) -> list[str]:
    """The real stores behind keyring's choice: none for keyring's fail/null backends."""
    from keyring.backends import chainer, fail, null

    if isinstance(chosen, fail.Keyring | null.Keyring):
        return []
    if isinstance(chosen, chainer.ChainerBackend):
        return [backend_name(b) for b in chosen.backends]
    return [backend_name(chosen)]


def check_keyring_round_trip() -> str:
    from flashback_desktop.session.keyring_backend import choose_backend

    backend = choose_backend()
    user = f"probe-{secrets.token_hex(4)}"
    value = secrets.token_urlsafe(24)
    backend.set_password(KEYRING_PROBE_SERVICE, user, value)
    try:
        read = backend.get_password(KEYRING_PROBE_SERVICE, user)
    finally:
        backend.delete_password(KEYRING_PROBE_SERVICE, user)
    if read != value:
        raise CheckFailed("the entry read back differs from the one written")
    if backend.get_password(KEYRING_PROBE_SERVICE, user) is not None:
        raise CheckFailed("the entry was still there after deleting it")
    return f"wrote, read and deleted a throwaway entry in {backend_name(backend)}"


def check_tls() -> str:
    import certifi
    import truststore

    from flashback_desktop.api.tls import tls_context

    context = tls_context()
    if context.verify_mode is not ssl.CERT_REQUIRED or not context.check_hostname:
        raise CheckFailed("certificate verification is not switched on")
    fallback = ssl.create_default_context(cafile=certifi.where())
    fallback_count = fallback.cert_store_stats()["x509_ca"]
    if fallback_count == 0:
        raise CheckFailed(f"certifi's bundle has no certificates ({certifi.where()})")
    if not isinstance(context, truststore.SSLContext):
        return f"certifi's {fallback_count} CA certificates (the system store is unavailable)"
    return f"{system_ca_source()}; certifi fallback: {fallback_count} CA certificates"


# Where OpenSSL-based Linux systems keep their CA bundle; truststore looks in the same places
# when OpenSSL's compiled-in paths (those of the build machine) do not exist here.
LINUX_CA_FILES = (
    "/etc/ssl/cert.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/pki/tls/cert.pem",
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/ssl/ca-bundle.pem",
)


def system_ca_source() -> str:
    """Which system CA certificates truststore will verify with, and how many there are."""
    if sys.platform in ("win32", "darwin"):
        return f"the {'Windows' if sys.platform == 'win32' else 'macOS'} trust store"
    defaults = ssl.get_default_verify_paths()
    files = [defaults.cafile] if defaults.cafile else []
    files += [path for path in LINUX_CA_FILES if os.path.isfile(path)]
    for path in files:
        probe = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        probe.load_verify_locations(cafile=path)
        count = probe.cert_store_stats()["x509_ca"]
        if count:
            return f"system store {path}: {count} CA certificates"
    if defaults.capath and Path(defaults.capath).is_dir():
        count = sum(1 for p in Path(defaults.capath).iterdir() if p.name[-2:-1] == ".")
        if count:
            return f"system store {defaults.capath}: {count} hashed CA certificates"
    raise CheckFailed("no system CA certificates found: install the ca-certificates package")


async def round_trip(sandbox: SandboxServer) -> str:
    """Sign in, list repositories and create a conversation through the real client."""
    from flashback_desktop.api.client import FlashbackClient

    signing_in = FlashbackClient(sandbox.url)
    try:
        login = await signing_in.login(sandbox.state.demo_email, sandbox.state.demo_password)
    finally:
        await signing_in.aclose()
    client = FlashbackClient(sandbox.url, credentials=login.access_token)
    try:
        repositories = await client.list_repositories()
        usable = [r for r in repositories if not r.disabled]
        if not usable:
            raise CheckFailed(f"the sandbox listed {len(repositories)} repositories, none usable")
        created = await client.create_conversation(usable[0].id)
    finally:
        await client.aclose()
    stored = sandbox.state.conversations_for(usable[0].id)
    if created.conversation_id not in {c["id"] for c in stored}:
        raise CheckFailed("the server has no record of the conversation the client was given")
    return (
        f"signed in, listed {len(repositories)} repositories, "
        f"created conversation {created.conversation_id[:8]}…"
    )
