"""A quiet strip above the list: "Can't reach Flashback — retrying…", with Retry now.

Non-modal on purpose: the app often starts before the VPN or Wi-Fi is up, and a dialog
for every failed background attempt would be noise. The window retries on its own with
growing pauses and hides the strip when Flashback answers again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from flashback_desktop.ui.accessibility import announce, describe

# Pauses between automatic attempts; the last one repeats for as long as it takes.
DEFAULT_DELAYS_S: tuple[float, ...] = (2, 4, 8, 15, 30, 60)


class ConnectionBanner(QFrame):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.delays_s: Sequence[float] = DEFAULT_DELAYS_S
        self._failures = 0
        self._remaining_s = 0.0
        self._reason = ""
        self.label = QLabel()
        self.label.setObjectName("connectionBannerText")
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.setObjectName("connectionRetryButton")
        describe(
            self.retry_button,
            self.tr("Retry now"),
            self.tr("Tries to reach Flashback again without waiting"),
        )
        self.retry_button.clicked.connect(self._retry_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.setVisible(False)

    def attempt_failed(self, reason: str) -> None:
        """Show the strip and plan the next attempt, a little later each time."""
        delay = self.delays_s[min(self._failures, len(self.delays_s) - 1)]
        self._failures += 1
        self._reason = reason
        self._remaining_s = delay
        self._render()
        if not self.isVisible():  # news when it appears, not every countdown step
            announce(self.label, self.label.text())
        self.setVisible(True)
        self._tick.start(max(50, min(1000, int(delay * 1000))))

    def stop(self) -> None:
        """Nothing to retry any more (reached, or signed out): hide and forget the count."""
        self._failures = 0
        self._tick.stop()
        self.setVisible(False)

    def _count_down(self) -> None:
        self._remaining_s -= self._tick.interval() / 1000
        if self._remaining_s <= 0:
            self._tick.stop()
            self.label.setText(self._trying_now())
            self.retry_requested.emit()
            return
        self._render()

    def _retry_now(self) -> None:
        self._tick.stop()
        self.label.setText(self._trying_now())
        self.retry_requested.emit()

    def _trying_now(self) -> str:
        return self.tr("{reason} Trying again now…").format(reason=self._reason)

    def _render(self) -> None:
        seconds = max(1, round(self._remaining_s))
        self.label.setText(
            self.tr("{reason} Retrying in {seconds} s.").format(
                reason=self._reason, seconds=QLocale().toString(seconds)
            )
        )
