"""The friendly error dialog: what happened, what to do, and Details for support.

Opened with ``open()`` (never ``exec()``, which would re-enter the event loop inside a
coroutine).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
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
        self.setObjectName("errorDialog")
        self.setWindowTitle("Flashback Desktop")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details_text = details

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.headline_label = QLabel(headline)
        self.headline_label.setObjectName("errorHeadline")
        self.headline_label.setWordWrap(True)
        font = self.headline_label.font()
        font.setBold(True)
        self.headline_label.setFont(font)
        self.message_label = QLabel(f"{message}\n\n{action}")
        self.message_label.setObjectName("errorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text_column = QVBoxLayout()
        text_column.addWidget(self.headline_label)
        text_column.addWidget(self.message_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text_column, 1)

        self.details_box = QPlainTextEdit(details)
        self.details_box.setObjectName("errorDetails")
        self.details_box.setReadOnly(True)
        self.details_box.setVisible(False)
        self.details_box.setMaximumHeight(120)

        buttons = QDialogButtonBox()
        self.details_button = buttons.addButton(
            "Show details", QDialogButtonBox.ButtonRole.HelpRole
        )
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button = buttons.addButton("Copy details", QDialogButtonBox.ButtonRole.HelpRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = buttons.addButton("Close", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text)

    def _toggle_details(self, shown: bool) -> None:
        self.details_box.setVisible(shown)
        self.details_button.setText("Hide details" if shown else "Show details")
        self.adjustSize()
