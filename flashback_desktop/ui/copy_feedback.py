"""A visible "Copied" for a moment on the button that copied, and the same news for a
screen reader: copying to the clipboard otherwise changes nothing anyone can see."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QAbstractButton

from flashback_desktop.ui.accessibility import announce

SHOWN_MS = 1500
_ORIGINAL = "copyFeedbackOriginalText"  # a dynamic property: the button's own text


def show_copied(button: QAbstractButton, spoken: str) -> None:
    """Show "✓ Copied" on ``button`` for ``SHOWN_MS`` and announce ``spoken`` (unless
    empty: the caller says it some other way)."""
    original = button.property(_ORIGINAL)
    if not isinstance(original, str):  # not already showing "Copied"
        original = button.text()
        button.setProperty(_ORIGINAL, original)
        # As wide as the wider of the two texts, so the row does not jump.
        width = button.sizeHint().width()
        button.setText(copied_text())
        button.setMinimumWidth(max(width, button.sizeHint().width()))
    if spoken:
        announce(button, spoken)
    timer = button.findChild(QTimer, "copyFeedbackTimer")
    if timer is None:
        timer = QTimer(button)
        timer.setObjectName("copyFeedbackTimer")
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: _restore(button))
    timer.start(SHOWN_MS)


def copied_text() -> str:
    return QCoreApplication.translate("CopyFeedback", "✓ Copied")


def _restore(button: QAbstractButton) -> None:
    original = button.property(_ORIGINAL)
    if isinstance(original, str):
        button.setText(original)
        button.setProperty(_ORIGINAL, None)
