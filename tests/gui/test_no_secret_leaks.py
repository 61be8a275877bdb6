"""A token planted at sign-in must not appear in logs, error details or files, even at DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from flashback_desktop import logging_setup
from flashback_desktop.sandbox import Fault
from tests.gui.conftest import App
from tests.gui.test_sign_in import wait_for_sign_in
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.secret_audit import PLANTED_PASSWORD, leaks, xdg_folders


def app_folders(tmp_path: Path) -> list[Path]:
    """The log folder of this test, plus the XDG folders tests/run points at a temp dir."""
    return [tmp_path, *xdg_folders()]


@pytest.fixture
def debug_logging(tmp_path: Path) -> Iterator[Path]:
    """The app's own logging set-up at DEBUG (httpx and httpcore included), into tmp_path."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    library_levels = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    log_file = logging_setup.setup_logging(tmp_path / "logs", debug=True)
    assert log_file is not None
    yield log_file
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
            root.removeHandler(handler)
    root.setLevel(level)
    for name, previous in library_levels.items():
        logging.getLogger(name).setLevel(previous)


def test_planted_tokens_and_password_appear_nowhere(
    start_app: Callable[..., App],
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    debug_logging: Path,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    app = start_app(signed_in=False)
    state = app.sandbox.state
    planted_password = PLANTED_PASSWORD
    for user in state.users:
        if user["email"] == state.demo_email:
            user["password"] = planted_password
    dialog = wait_for_sign_in(app, qtbot)
    dialog.email_edit.setText(state.demo_email)
    dialog.password_edit.setText(planted_password)
    with app.page.wait_repositories_shown(qtbot):
        dialog.sign_in_button.click()
    first = app.run(app.session.store.load())
    assert first is not None
    assert first.refresh is not None

    details: list[str] = []
    app.select("Contracts 2026")
    # A 401 renews the pair (both old and new tokens pass through the log's reach), then
    # server errors open dialogs whose details must be clean too.
    state.faults.add("POST", "/conversation", Fault(status=401), times=1)
    for fault in (Fault(status=500), Fault(status=502)):
        state.faults.add("POST", "/conversation", fault, times=1)
        with app.page.wait_dialog(qtbot) as opened:
            app.page.panel.click_new()
        details.append(ErrorDialogPage(opened.args[0]).details)
        qtbot.waitUntil(app.page.panel.new_button.isEnabled, timeout=5000)
    renewed = app.run(app.session.store.load())
    assert renewed is not None
    assert renewed.refresh != first.refresh  # rotated (the access token may be identical)
    assert state.request_count("POST", "/user/refresh") == 1

    assert "POST /conversation" in caplog.text  # our request lines were logged...
    assert "httpcore" in caplog.text  # ...and so was the transport, at DEBUG
    assert debug_logging.stat().st_size > 0
    secrets = (planted_password, first.access, first.refresh, renewed.access, renewed.refresh)
    for secret in secrets:
        assert secret
        assert leaks(secret, [caplog.text, *details], app_folders(tmp_path)) == []


def test_the_leak_check_catches_a_logged_token(
    caplog: pytest.LogCaptureFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Proof that the check above can fail: log a token with redaction switched off."""
    planted = "planted-token-the-check-must-find"
    monkeypatch.setattr(logging, "_logRecordFactory", logging_setup._base_factory)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("redaction-test").debug("sending %s", planted)
    (tmp_path / "settings.ini").write_text(f"token={planted}\n")
    assert leaks(planted, [caplog.text], [tmp_path]) == ["text 0", str(tmp_path / "settings.ini")]
