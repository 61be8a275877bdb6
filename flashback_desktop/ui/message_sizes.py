"""How tall each message's text is: measured where a person looks, estimated elsewhere.

Laying out a reply's Markdown takes a fraction of a millisecond, and a 1,000-message
conversation laid out at once froze the window. So a message's height is a cheap estimate
from its text until it is measured; the list (``ui/message_list.py``) has the rows on
screen measured before every layout, and the rest a few milliseconds at a time while the
window is idle. Heights are plain numbers, kept for every message at the current width;
laid-out documents are kept only for the rows last measured or painted, with a bound.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QFont, QFontMetrics

from flashback_desktop.api.models import Message
from flashback_desktop.ui.markdown_view import SafeDocument, plain_document, reply_document

KEPT_DOCUMENTS = 128  # a few screens of rows; a row scrolled back to is laid out again


class BodySizes:
    """Body heights (and documents) of one list's messages, at one width and font."""

    def __init__(self) -> None:
        self._width = -1
        self._heights: dict[str, int] = {}  # measured, by message id
        self._estimates: dict[str, int] = {}
        self._documents: OrderedDict[str, SafeDocument] = OrderedDict()  # least recent first
        self._char_width = 0
        self._line_spacing = 0

    @property
    def documents(self) -> OrderedDict[str, SafeDocument]:
        return self._documents

    def forget(self) -> None:
        """After a font or palette change: everything is laid out again."""
        self._heights.clear()
        self._estimates.clear()
        self._documents.clear()
        self._char_width = 0

    def _at_width(self, width: int) -> None:
        if width != self._width:
            self._width = width
            self.forget()

    def height(self, message: Message, font: QFont, width: int) -> tuple[int, bool]:
        """The body's height and whether it was measured (else it is an estimate)."""
        self._at_width(width)
        measured = self._heights.get(message.id)
        if measured is not None:
            return measured, True
        estimate = self._estimates.get(message.id)
        if estimate is None:
            estimate = self._estimates[message.id] = self._estimate(message.content, font, width)
        return estimate, False

    def measure(
        self, message: Message, markdown: bool, font: QFont, width: int, *, keep: bool = True
    ) -> int:
        """The body's exact height; ``keep`` keeps the document for painting soon."""
        self._at_width(width)
        measured = self._heights.get(message.id)
        if measured is None:
            if keep:
                self.document(message, markdown, font, width)
            else:
                self._heights[message.id] = _height(_make(message, markdown, font, width))
            measured = self._heights[message.id]
        return measured

    def document(self, message: Message, markdown: bool, font: QFont, width: int) -> SafeDocument:
        """The body laid out ``width`` wide: made once, kept while it is among the recent."""
        self._at_width(width)
        document = self._documents.get(message.id)
        if document is None:
            document = _make(message, markdown, font, width)
            self._documents[message.id] = document
            self._heights[message.id] = _height(document)
            if len(self._documents) > KEPT_DOCUMENTS:
                self._documents.popitem(last=False)
        else:
            self._documents.move_to_end(message.id)
        return document

    def _estimate(self, text: str, font: QFont, width: int) -> int:
        """Lines of average characters: close enough for rows nobody has looked at yet."""
        if not self._char_width:
            metrics = QFontMetrics(font)
            self._char_width = max(1, metrics.averageCharWidth())
            self._line_spacing = metrics.lineSpacing()
        per_line = max(1, width // self._char_width)
        return (text.count("\n") + 1 + len(text) // per_line) * self._line_spacing


def _make(message: Message, markdown: bool, font: QFont, width: int) -> SafeDocument:
    make = reply_document if markdown else plain_document
    return make(message.content, font, width)


def _height(document: SafeDocument) -> int:
    return int(document.size().height())
