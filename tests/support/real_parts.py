"""Access to the machine's real parts (Secret Service, display) from tests.

``tests/run`` starts a private D-Bus session with an unlocked gnome-keyring and
an Xvfb display, and says so with ``FLASHBACK_TEST_SECRET_SERVICE=1`` and
``FLASHBACK_TEST_DISPLAY=xvfb``. Where a real part is expected (those variables,
or ``CI=true``) and missing, the test fails: a CI run that silently skipped the
real keyring would prove nothing. Elsewhere the test is skipped.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING, NoReturn, Protocol, cast

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from collections.abc import Callable

_TRUTHY = {"1", "true", "yes"}


class _PasswordBackend(Protocol):
    """The typed subset of a keyring backend the round trip uses."""

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def get_password(self, service: str, username: str) -> str | None: ...

    def delete_password(self, service: str, username: str) -> None: ...


# keyring's backends are untyped: give the constructor a type for mypy --strict.
_new_secret_service = cast("Callable[[], SecretServiceKeyring]", SecretServiceKeyring)


def _env_flag(name: str) -> bool:
    """Whether environment variable ``name`` is set to a true-ish value."""
    return os.environ.get(name, "").strip().lower() in _TRUTHY


def running_in_ci() -> bool:
    """Whether this run is CI (``CI=true``)."""
    return _env_flag("CI")


def secret_service_expected() -> bool:
    """Whether a working Secret Service is required rather than optional."""
    return running_in_ci() or os.environ.get("FLASHBACK_TEST_SECRET_SERVICE") == "1"


def real_display_expected() -> bool:
    """Whether a real X display (Xvfb, Qt's xcb platform) is required."""
    return running_in_ci() or os.environ.get("FLASHBACK_TEST_DISPLAY") == "xvfb"


def _unavailable(what: str, reason: str, *, expected: bool) -> NoReturn:
    """Fail the test when ``what`` was expected, skip it otherwise."""
    message = f"{what} not usable: {reason}"
    if expected:
        pytest.fail(f"{message} (required in CI and under tests/run)", pytrace=False)
    pytest.skip(message)


def require_secret_service() -> SecretServiceKeyring:
    """Return a real Secret Service keyring backend after proving it works.

    Checks the backend's priority and a set/get/delete round trip of a
    throwaway item; fails or skips (see module docstring) when it does not work.
    """
    what = "Secret Service"
    expected = secret_service_expected()
    try:
        priority = SecretServiceKeyring.priority
    except Exception as exc:  # keyring says "unavailable" by raising (various types)
        _unavailable(what, f"{type(exc).__name__}: {exc}", expected=expected)
    if not priority > 0:
        _unavailable(what, f"backend priority is {priority}", expected=expected)

    backend = _new_secret_service()
    store = cast("_PasswordBackend", backend)
    service = f"flashback-tests-probe-{uuid.uuid4().hex}"
    username = "probe"
    secret = uuid.uuid4().hex
    try:
        store.set_password(service, username, secret)
        try:
            read_back = store.get_password(service, username)
        finally:
            store.delete_password(service, username)
    except Exception as exc:  # locked, prompt dismissed, D-Bus error: all mean unusable
        reason = f"round trip failed: {type(exc).__name__}: {exc}"
        _unavailable(what, reason, expected=expected)
    if read_back != secret:
        _unavailable(what, "round trip returned a different secret", expected=expected)
    return backend


def require_real_display() -> str:
    """Return ``DISPLAY`` after checking Qt will use a real X display (xcb).

    Fails or skips (see module docstring) when ``DISPLAY`` is unset, when
    ``QT_QPA_PLATFORM`` is not ``xcb``, or when an existing Qt application runs
    on another platform.
    """
    what = "real display"
    expected = real_display_expected()
    display = os.environ.get("DISPLAY", "")
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not display:
        _unavailable(what, "DISPLAY is not set", expected=expected)
    if platform != "xcb":
        reason = f"QT_QPA_PLATFORM is {platform!r}, not 'xcb'"
        _unavailable(what, reason, expected=expected)

    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and app.platformName() != "xcb":
        reason = f"the running Qt application uses {app.platformName()!r}, not 'xcb'"
        _unavailable(what, reason, expected=expected)
    return display


def window_manager_running() -> bool:
    """Whether tests/run started a window manager on the display (openbox)."""
    return bool(os.environ.get("FLASHBACK_TEST_WINDOW_MANAGER"))


def require_window_manager() -> str | None:
    """Return the window manager's name; fail in CI when there is none, else say None.

    Without one, nothing activates, focuses or sizes a new window as a desktop does; a GUI
    test that passes on a bare X server may fail for a person (the sign-in keyboard trap
    went unseen that way). Outside CI a bare display or offscreen Qt still runs the tests.
    """
    name = os.environ.get("FLASHBACK_TEST_WINDOW_MANAGER")
    if name:
        return name
    if running_in_ci():
        pytest.fail(
            "no window manager on the test display (FLASHBACK_TEST_WINDOW_MANAGER unset): "
            "required in CI",
            pytrace=False,
        )
    return None
