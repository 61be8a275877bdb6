"""The friendly error dialog: what happened, what to do, and Details for support.

Opened with ``open()`` (never ``exec()``, which would re-enter the event loop inside a
coroutine).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop.clipping import clip
from flashback_desktop.logging_setup import redact
from flashback_desktop.ui.accessibility import describe, set_tab_order
from flashback_desktop.ui.copy_feedback import show_copied

_ICON_SIZE = 40  # logical pixels; drawn for the screen's scale, so crisp at 200 %
# What the dialog shows of a text from the server; Copy details copies all of it. Laying out
# a 1 MB message froze the window for half a minute; this much shows in a blink.
DETAILS_SHOWN_CHARS = 20_000
SENTENCE_SHOWN_CHARS = 2_000


class ErrorDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        headline: str,
        message: str,
        action: str,
        details: str,
    ) -> None:
        super().__init__(parent)
        # Texts may quote a server or a traceback: no token or password reaches the screen
        # or the clipboard, whoever opened the dialog.
        headline, message, action, details = map(redact, (headline, message, action, details))
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Flashback Desktop"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details_text = details

        icon = QLabel()
        icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            .pixmap(_ICON_SIZE, _ICON_SIZE)  # at the app's device pixel ratio
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setAccessibleName(self.tr("Warning"))

        # Headlines name repositories and conversations, and those names come from the
        # server: always plain text, never markup.
        headline = self._shortened(headline, SENTENCE_SHOWN_CHARS)
        message = self._shortened(message, SENTENCE_SHOWN_CHARS)
        self.headline_label = QLabel(headline)
        self.headline_label.setTextFormat(Qt.TextFormat.PlainText)
        self.headline_label.setObjectName("errorHeadline")
        self.headline_label.setWordWrap(True)
        font = self.headline_label.font()
        font.setBold(True)
        self.headline_label.setFont(font)
        self.message_label = QLabel(f"{message}\n\n{action}")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setObjectName("errorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A screen reader says the dialog's name and description when it opens.
        self.setAccessibleName(headline)
        self.setAccessibleDescription(f"{message} {action}")

        text_column = QVBoxLayout()
        text_column.addWidget(self.headline_label)
        text_column.addWidget(self.message_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text_column, 1)

        self.details_box = self._details_box(details)

        buttons = QDialogButtonBox()
        self.details_button = buttons.addButton(
            self.tr("Show &details"), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.details_button.setAccessibleDescription(
            self.tr("Shows the technical details for your IT support")
        )
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button = buttons.addButton(
            self.tr("&Copy details"), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.copy_button.setAccessibleDescription(
            self.tr("Copies the technical details, to paste into a message to IT support")
        )
        self.copy_button.clicked.connect(self.copy_details)
        # Qt's own Close button, translated by Qt's catalogue; Esc closes too.
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        set_tab_order(self.close_button, self.details_button, self.copy_button, self.details_box)

    def _details_box(self, details: str) -> QPlainTextEdit:
        """Read-only and hidden until asked for; a plain-text widget, fast with long texts."""
        box = QPlainTextEdit(self._shortened(details, DETAILS_SHOWN_CHARS))
        box.setObjectName("errorDetails")
        describe(
            box,
            self.tr("Details"),
            self.tr("Technical details for your IT support"),
        )
        box.setReadOnly(True)
        box.setVisible(False)
        box.setMaximumHeight(120)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        """The focus starts on Close: Enter or Esc dismisses, Tab reaches the details."""
        super().showEvent(event)
        self.close_button.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _shortened(self, text: str, limit: int) -> str:
        return clip(text, limit, "\n" + self.tr("… (shortened; Copy details copies all of it)"))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text)
        show_copied(self.copy_button, self.tr("Details copied."))

    def _toggle_details(self, shown: bool) -> None:
        self.details_box.setVisible(shown)
        self.details_button.setText(self.tr("Hide &details") if shown else self.tr("Show &details"))
        self.adjustSize()
