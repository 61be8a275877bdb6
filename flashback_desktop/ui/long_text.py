"""Texts of any length on screen: elided where they sit, in full (within bounds) in a tooltip.

Names come from other people and can be absurd (a 1,000,000-character repository name): a
label sized to its text would widen the window past the screen, and a tooltip showing all
of it would be a window wider than any screen. Labels here elide instead, and tooltips
keep at most ``TOOLTIP_LINES`` lines of ``TOOLTIP_LINE`` characters. Always plain text.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget

from flashback_desktop.clipping import clip
from flashback_desktop.ui.plain_text import plain_tooltip

TOOLTIP_LINE = 100  # a longer line is wrapped (between words where it has any)
TOOLTIP_UNWRAPPED = 160  # a sentence up to this length stays on one line
TOOLTIP_LINES = 12
# What a label keeps of a text: more than any screen shows, few enough to measure quickly.
KEPT_CHARACTERS = 2000
# A name quoted in a sentence (a dialog's headline, a status line) is cut after this.
IN_SENTENCE = 80
# A label asks for at most this many average characters' width; it elides below that.
PREFERRED_CHARACTERS = 60


def in_sentence(text: str) -> str:
    """A name as a sentence quotes it: at most ``IN_SENTENCE`` characters, then "…"."""
    return clip(text, IN_SENTENCE)


def bounded_tooltip(text: str) -> str:
    """``text`` for a tooltip: long lines wrapped at ``TOOLTIP_LINE`` characters, at most
    ``TOOLTIP_LINES`` lines (then "…"), always shown literally (never as markup)."""
    lines: list[str] = []
    for line in clip(text, TOOLTIP_LINE * TOOLTIP_LINES).split("\n"):
        if len(line) <= TOOLTIP_UNWRAPPED:
            lines.append(line)
        else:
            lines.extend(textwrap.wrap(line, TOOLTIP_LINE, break_on_hyphens=False))
        if len(lines) > TOOLTIP_LINES:
            break
    if len(lines) > TOOLTIP_LINES:
        lines = [*lines[:TOOLTIP_LINES], "…"]
    return plain_tooltip("\n".join(lines))


class ElidedLabel(QLabel):
    """A one-line plain-text label that never asks for more width than a sensible line and
    elides what does not fit; its tooltip then holds the whole text (bounded)."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self._mode = mode
        self._shown = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        # A layout may give it any width, down to nothing: the window's width is not its
        # to decide. It stays as tall as one line.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(clip(text, KEPT_CHARACTERS))
        self._elide()

    def is_elided(self) -> bool:
        return self._shown != self.text()

    def shown_text(self) -> str:
        """What is painted now (the text, or its elided form)."""
        return self._shown

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        most = self.fontMetrics().averageCharWidth() * PREFERRED_CHARACTERS
        return QSize(min(hint.width(), most), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…"), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip():
            if self.is_elided():
                QToolTip.showText(event.globalPos(), bounded_tooltip(self.text()), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self._shown,
            self.foregroundRole(),
        )

    def _elide(self) -> None:
        width = self.contentsRect().width()
        self._shown = self.fontMetrics().elidedText(self.text(), self._mode, max(width, 0))
        self.update()
