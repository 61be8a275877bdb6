"""Each keyring situation, met through the real window: one plain sentence, and work goes on."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot

from flashback_desktop.config import canonical_origin
from flashback_desktop.sandbox import SandboxServer
from flashback_desktop.session.keyring_errors import KeyringTrouble
from flashback_desktop.session.token_store import ACCESS_TOKEN_ENTRY, KeyringTokenStore
from tests.gui.conftest import App
from tests.gui.test_sign_in import sign_in_with_password
from tests.support.keyring_backends import DeniedKeychain, LockedSecretService, missing_keyring

SENTENCE_START = {
    KeyringTrouble.NO_BACKEND: "This computer has no password store",
    KeyringTrouble.LOCKED: "Your computer's password store stayed locked",
    KeyringTrouble.DENIED: "Flashback Desktop was not allowed to use",
}


def denied_keychain(service: str) -> KeyringBackend:
    backend = DeniedKeychain()
    backend.plant_from_previous_build(service, ACCESS_TOKEN_ENTRY, "saved-by-an-older-build")
    return backend


@pytest.mark.parametrize(
    ("trouble", "make_backend"),
    [
        (KeyringTrouble.NO_BACKEND, lambda _service: missing_keyring()),
        (KeyringTrouble.LOCKED, lambda _service: LockedSecretService()),
        (KeyringTrouble.DENIED, denied_keychain),
    ],
)
def test_keyring_trouble_is_told_and_the_sign_in_works_for_this_run(
    start_app: Callable[..., App],
    qtbot: QtBot,
    trouble: KeyringTrouble,
    make_backend: Callable[[str], KeyringBackend],
    sandbox_url_service: str,
) -> None:
    app = start_app(signed_in=False, backend=make_backend(sandbox_url_service))
    sign_in_with_password(app, qtbot, app.page.wait_sign_in_dialog(qtbot))
    assert app.session.keyring_problem is not None
    assert app.session.keyring_problem.trouble is trouble
    assert app.page.notice_shown()
    assert app.page.notice.startswith(SENTENCE_START[trouble])
    assert app.page.row_count > 0  # signed in for this run all the same


@pytest.fixture
def sandbox_url_service(sandbox: SandboxServer) -> str:
    """The keyring service name the app uses for this sandbox."""
    return KeyringTokenStore(canonical_origin(sandbox.url)).service
