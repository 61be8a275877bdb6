"""What follows a fault in the window: recovering by itself, Retry now, Try again, signing in
after a failed attempt (tests/gui/test_fault_matrix_window.py plays every fault once and
records what the window showed; here the window must also stay usable afterwards)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.sandbox import Fault, SandboxServer
from tests.gui.conftest import App
from tests.gui.test_sign_in import expire_access_token, type_credentials, wait_for_sign_in

HTML_404 = "<!DOCTYPE html><html><body><pre>Cannot GET /repo</pre></body></html>"


def record_dialogs(app: App) -> list[QWidget]:
    opened: list[QWidget] = []
    app.content.dialog_opened.connect(opened.append)
    return opened


def test_offline_at_start_shows_a_banner_and_recovers_by_itself(
    start_app: Callable[..., App], qtbot: QtBot, sandbox: SandboxServer
) -> None:
    sandbox.state.faults.add("GET", "/repo", Fault(reset=True), times=None)
    app = start_app(wait_for_repositories=False, banner_delays_s=(0.3, 0.6))
    dialogs = record_dialogs(app)
    banner = app.content.connection_banner
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert "dropped" in banner.label.text()
    assert "Retrying in" in banner.label.text()
    assert app.content.pages.currentWidget() is not app.content.table

    sandbox.state.faults.clear()  # the VPN comes up
    with qtbot.waitSignal(app.content.repositories_shown, timeout=10_000):
        pass  # nobody clicks anything
    assert not banner.isVisible()
    assert app.content.pages.currentWidget() is app.content.table
    assert dialogs == []  # never a modal dialog for a background attempt


def test_a_failed_background_refresh_keeps_the_list_and_retry_now_works(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(banner_delays_s=(30.0,))
    rows = app.content.model.rowCount()
    dialogs = record_dialogs(app)
    state = app.sandbox.state
    state.faults.add("GET", "/repo", Fault(status=503), times=None)
    app.content.refresh_action.trigger()
    qtbot.waitUntil(app.content.connection_banner.isVisible, timeout=10_000)
    assert app.content.pages.currentWidget() is app.content.table
    assert app.content.model.rowCount() == rows  # nothing half-filled or cleared
    assert app.content.refresh_action.isEnabled()

    state.faults.clear()
    with qtbot.waitSignal(app.content.repositories_shown, timeout=10_000):
        app.content.connection_banner.retry_button.click()
    assert not app.content.connection_banner.isVisible()
    assert dialogs == []


def test_a_server_without_the_route_is_told_in_place_without_retrying(
    start_app: Callable[..., App], qtbot: QtBot, sandbox: SandboxServer
) -> None:
    sandbox.state.faults.add(
        "GET", "/repo", Fault(status=404, body=HTML_404, content_type="text/html"), times=None
    )
    app = start_app(wait_for_repositories=False, banner_delays_s=(0.1,))
    qtbot.waitUntil(lambda: "does not offer" in app.content.message_label.text(), timeout=10_000)
    assert app.content.message_button.text() == "Try again"
    app.wait_until_idle()
    assert not app.content.connection_banner.isVisible()
    assert sandbox.state.request_count("GET", "/repo") == 1  # a wrong server is not retried


def test_a_fault_during_sign_in_keeps_the_dialog_usable(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    state = app.sandbox.state
    state.faults.add("POST", "/user/login", Fault(reset=True))
    dialog = wait_for_sign_in(app, qtbot)
    type_credentials(qtbot, dialog, state.demo_email, state.demo_password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    assert "dropped" in dialog.error_label.text()
    assert dialog.sign_in_button.isEnabled()
    assert dialog.cancel_button.isEnabled()
    assert not app.session.signed_in

    type_credentials(qtbot, dialog, state.demo_email, state.demo_password)
    with qtbot.waitSignal(app.content.repositories_shown, timeout=10_000):
        dialog.sign_in_button.click()


def test_a_refresh_token_that_cannot_be_renewed_for_now_is_not_a_sign_out(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """A 500 while renewing: say so in place; the sign-in stays, nothing asks to sign in."""
    app = start_app()
    state = app.sandbox.state
    expire_access_token(app)
    state.faults.add("POST", "/user/refresh", Fault(status=500), times=None)
    state.reset_counts()
    app.content.refresh_action.trigger()
    qtbot.waitUntil(
        lambda: "problem on its side" in app.content.message_label.text(), timeout=10_000
    )
    assert app.content.sign_in_dialog is None
    assert app.session.signed_in
    assert state.request_count("POST", "/user/refresh") == 1  # shared by the three requests
    state.faults.clear()
    with qtbot.waitSignal(app.content.repositories_shown, timeout=10_000):
        app.content.message_button.click()  # Try again: the renewal now works
    assert state.request_count("POST", "/user/refresh") == 2
