"""A button that looks like a link: a quiet way to offer another path (sign in differently).

Painted from the palette's Link role on every paint, so it follows a light or dark scheme
switched while the app runs (a style sheet's ``palette(link)`` is resolved once), and it
draws the style's focus frame, so a keyboard user sees where Tab went.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionFocusRect, QStylePainter, QWidget

_PADDING = 2  # logical pixels around the text, room for the focus frame


class LinkButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFlat(True)
        self.setAutoDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)

    def sizeHint(self) -> QSize:
        text = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, self.text())
        return text.grownBy(self._margins())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        role = QPalette.ColorRole.Link if self.isEnabled() else QPalette.ColorRole.WindowText
        painter.setPen(self.palette().color(group, role))
        area = self.rect().marginsRemoved(self._margins())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(area, int(flags) | int(Qt.TextFlag.TextShowMnemonic), self.text())
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = self.rect()
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option)

    def _margins(self) -> QMargins:
        return QMargins(_PADDING * 2, _PADDING, _PADDING * 2, _PADDING)
