"""Signing in by pasting a token, and signing out, through the real dialogs."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from flashback_desktop.ui.sign_in_dialog import SignInDialog
from tests.gui.conftest import App
from tests.support.memory_keyring import MemoryKeyring


def wait_for_sign_in(app: App, qtbot: QtBot) -> SignInDialog:
    qtbot.waitUntil(lambda: app.window.sign_in_dialog is not None, timeout=10_000)
    dialog = app.window.sign_in_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_paste_a_token_then_it_is_remembered(
    start_app: Callable[..., App], qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    app = start_app(signed_in=False)
    dialog = wait_for_sign_in(app, qtbot)
    assert app.sandbox.state.request_count("GET", "/repo") == 0

    qtbot.keyClicks(dialog.token_edit, "not-a-real-token")
    dialog.sign_in_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    assert "did not accept this token" in dialog.error_label.text()
    assert memory_keyring.entries == {}

    dialog.token_edit.setText(app.sandbox.state.demo_token)
    with qtbot.waitSignal(app.window.repositories_shown, timeout=10_000):
        dialog.sign_in_button.click()
    assert app.window.sign_in_dialog is None
    assert list(memory_keyring.entries.values()) == [app.sandbox.state.demo_token]


def test_sign_out_removes_the_token_from_the_keyring(
    start_app: Callable[..., App], qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    app = start_app()
    assert memory_keyring.entries
    app.window.sign_out_action.trigger()
    dialog = wait_for_sign_in(app, qtbot)
    assert memory_keyring.entries == {}
    assert app.window.model.rowCount() == 0
    assert not app.window.session or not app.window.session.signed_in
    dialog.reject()
