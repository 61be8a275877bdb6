"""One message on its own, to select part of it: Enter or a double-click on a message.

The list paints messages (fast for 1,000, but not selectable by the character); this
read-only view shows the same document, where any part can be selected and copied. It
loads no resource either, and a link opens in the browser only when clicked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from flashback_desktop.api.chat_models import Message
from flashback_desktop.ui.accessibility import describe
from flashback_desktop.ui.markdown_view import plain_document, reply_document
from flashback_desktop.ui.message_model import MessageRow


class _SafeBrowser(QTextBrowser):
    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return None  # never a file, an image or a page


class MessageReader(QDialog):
    def __init__(
        self, row: MessageRow, open_link: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageReader")
        self.setWindowTitle(row.header)
        message: Message = row.message
        self.view = _SafeBrowser()
        self.view.setObjectName("messageText")
        self.view.setOpenLinks(False)  # a click is handed over, never followed in here
        self.view.anchorClicked.connect(lambda url: open_link(url.toString()))
        make = reply_document if row.markdown else plain_document
        document = make(message.content, self.font(), 560)
        document.setParent(self.view)
        self.view.setDocument(document)
        document.setTextWidth(-1)  # follows the view's width from now on
        self.view.document().setDocumentMargin(8)
        describe(self.view, row.header, self.tr("The whole message; select any part to copy it"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.view.setFocus()
