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

from flashback_desktop.api.chat_models import Message
from flashback_desktop.ui.markdown_view import SafeDocument, plain_document, reply_document

KEPT_DOCUMENTS = 128  # a few screens of rows; a row scrolled back to is laid out again


class BodySizes:
    """Body heights (and documents) of one list's messages, at the width of its layout.

    Between two layouts every row keeps the height the layout gave it (Qt paints a row at
    its layout's place, in the size it is told now: a height measured meanwhile would
    overlap its neighbours). Heights measured meanwhile wait for the next layout.
    """

    def __init__(self) -> None:
        self._width = -1  # the last layout's body width
        self._heights: dict[str, int] = {}  # measured, known to the layout, by message id
        self._waiting: dict[str, int] = {}  # measured since, for the next layout
        self._estimates: dict[str, int] = {}
        self._documents: OrderedDict[tuple[str, int], SafeDocument] = OrderedDict()
        self._char_width = 0
        self._line_spacing = 0

    @property
    def documents(self) -> OrderedDict[tuple[str, int], SafeDocument]:
        """The documents kept, least recently used first."""
        return self._documents

    def forget(self) -> None:
        """After a font or palette change: everything is laid out again."""
        self._heights.clear()
        self._waiting.clear()
        self._estimates.clear()
        self._documents.clear()
        self._char_width = 0

    def start_layout(self, width: int) -> None:
        """A layout at ``width`` begins (its rows are measured next): at another width,
        nothing measured before still holds."""
        if width != self._width:
            self._width = width
            self.forget()

    def commit_layout(self) -> None:
        """The layout asks for the heights now: what was measured meanwhile counts."""
        self._heights.update(self._waiting)
        self._waiting.clear()

    def height(self, message: Message, font: QFont) -> tuple[int, bool]:
        """The body's height for the layout, and whether it was measured (else estimated)."""
        measured = self._heights.get(message.id)
        if measured is not None:
            return measured, True
        estimate = self._estimates.get(message.id)
        if estimate is None:
            estimate = self._estimates[message.id] = self._estimate(message.content, font)
        return estimate, False

    def measure(
        self, message: Message, markdown: bool, font: QFont, width: int, *, keep: bool = True
    ) -> int:
        """The body's exact height at ``width``; ``keep`` keeps the document for painting."""
        measured = self.measured(message.id, width)
        if measured is None:
            if keep:
                return _height(self.document(message, markdown, font, width))
            measured = _height(_make(message, markdown, font, width))
            self._note(message.id, width, measured)
        return measured

    def document(self, message: Message, markdown: bool, font: QFont, width: int) -> SafeDocument:
        """The body laid out ``width`` wide: made once, kept while it is among the recent."""
        key = (message.id, width)
        document = self._documents.get(key)
        if document is None:
            document = _make(message, markdown, font, width)
            self._documents[key] = document
            self._note(message.id, width, _height(document))
            if len(self._documents) > KEPT_DOCUMENTS:
                self._documents.popitem(last=False)
        else:
            self._documents.move_to_end(key)
        return document

    def measured(self, message_id: str, width: int) -> int | None:
        """The body's height at ``width`` if it was measured, else None."""
        if width != self._width:
            return None
        measured = self._heights.get(message_id)
        return measured if measured is not None else self._waiting.get(message_id)

    def _note(self, message_id: str, width: int, height: int) -> None:
        if width == self._width and message_id not in self._heights:
            self._waiting[message_id] = height

    def _estimate(self, text: str, font: QFont) -> int:
        """Lines of average characters: close enough for rows nobody has looked at yet."""
        if not self._char_width:
            metrics = QFontMetrics(font)
            self._char_width = max(1, metrics.averageCharWidth())
            self._line_spacing = metrics.lineSpacing()
        per_line = max(1, self._width // self._char_width)
        return (text.count("\n") + 1 + len(text) // per_line) * self._line_spacing


def _make(message: Message, markdown: bool, font: QFont, width: int) -> SafeDocument:
    make = reply_document if markdown else plain_document
    return make(message.content, font, width)


def _height(document: SafeDocument) -> int:
    return int(document.size().height())
