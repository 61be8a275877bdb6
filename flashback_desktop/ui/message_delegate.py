"""Paints one message of the list: who and when, the text, quietly the model and tokens.

One delegate for the whole list (no widget per message), so a 1,000-message conversation
opens and scrolls like any list. A row's height is measured from its laid-out body only
once the list needs it (``ui/message_sizes.py``); until then an estimate stands in. A
reply's links show their target as a tooltip and open in the browser only when clicked.
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from flashback_desktop.api.chat_models import ROLE_USER, Message
from flashback_desktop.ui.markdown_view import SafeDocument, link_at
from flashback_desktop.ui.message_model import (
    DETAILS_ROLE,
    HEADER_ROLE,
    MARKDOWN_ROLE,
    MESSAGE_ROLE,
    MessageListModel,
    has_details,
)
from flashback_desktop.ui.message_sizes import BodySizes
from flashback_desktop.ui.plain_text import plain_tooltip

PAD = 10  # around each message
GAP = 4  # between its lines


class MessageDelegate(QStyledItemDelegate):
    # A row on screen was painted with an estimated height: the list lays out again.
    painted_unmeasured = Signal()

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._viewport = view.viewport()  # asked for every row: kept, not looked up
        self.sizes = BodySizes()
        self.estimated_rows: set[int] = set()  # rows the last layout gave an estimate
        # Asked for every row at every layout, so kept until forget():
        self._font: QFont | None = None  # the list's font
        self._chrome: tuple[int, int] | None = None  # (line height, height without the body)
        self._frames: dict[str, int] = {}  # a message's height without its body
        self.links_opened: list[str] = []  # what a click opened (tests read it)

    @property
    def _documents(self) -> dict[tuple[str, int], SafeDocument]:
        """The bodies laid out and kept (tests read one)."""
        return self.sizes.documents

    def forget(self) -> None:
        """Drop the laid-out bodies and their heights (after a font or palette change)."""
        self.sizes.forget()
        self._font = None
        self._chrome = None
        self._frames.clear()

    # ---- geometry ------------------------------------------------------------------------

    def _body_width(self) -> int:
        # The viewport's width, in sizeHint and paint alike: one layout per message and width.
        return max(120, self._viewport.width() - 2 * PAD)

    def _list_font(self) -> QFont:
        if self._font is None:
            self._font = self._view.font()
        return self._font

    def _line_and_chrome(self) -> tuple[int, int]:
        """The small font's line height, and a row's height without its body and details."""
        if self._chrome is None:
            line = line_height(_small_font(self._list_font()))
            self._chrome = (line, PAD + line + GAP + PAD)
        return self._chrome

    def _frame(self, message: Message) -> int:
        frame = self._frames.get(message.id)
        if frame is None:
            line, chrome = self._line_and_chrome()
            frame = self._frames[message.id] = chrome + (GAP + line if has_details(message) else 0)
        return frame

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Asked for every row at every layout: a measured height, else an estimate."""
        message = cast(MessageListModel, index.model()).message_at(index.row())
        body, measured = self.sizes.height(message, self._list_font())
        if not measured:
            self.estimated_rows.add(index.row())
        return QSize(self._body_width() + 2 * PAD, self._frame(message) + body)

    def start_layout(self) -> None:
        """The list lays out again (ui/message_list.py): first it measures the rows it will
        show, then commit_layout(), then Qt asks every row's size."""
        self.sizes.start_layout(self._body_width())

    def commit_layout(self) -> None:
        self.sizes.commit_layout()
        self.estimated_rows.clear()

    def measure(self, index: QModelIndex | QPersistentModelIndex, *, keep: bool = True) -> int:
        """The row's exact height (its body laid out); ``keep`` keeps the document."""
        message = cast(MessageListModel, index.model()).message_at(index.row())
        width = self._body_width()
        body = self.sizes.measured(message.id, width)  # asked again and again while idle
        if body is None:
            markdown = bool(index.data(MARKDOWN_ROLE))
            body = self.sizes.measure(message, markdown, self._list_font(), width, keep=keep)
        return self._frame(message) + body

    def prepare(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Lay out the row's body now, to be painted soon without the wait."""
        self._document(index, self._body_width())

    def _document(self, index: QModelIndex | QPersistentModelIndex, width: int) -> SafeDocument:
        message: Message = index.data(MESSAGE_ROLE)
        markdown = bool(index.data(MARKDOWN_ROLE))
        return self.sizes.document(message, markdown, self._list_font(), width)

    def _body_rect(self, option: QStyleOptionViewItem) -> QRect:
        line, _chrome = self._line_and_chrome()
        top = option.rect.top() + PAD + line + GAP
        return QRect(option.rect.left() + PAD, top, self._body_width(), 0)

    # ---- painting ------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        message: Message = index.data(MESSAGE_ROLE)
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        elif message.role == ROLE_USER:  # the person's own words on a slightly other ground
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        dim_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        if index.row() in self.estimated_rows:
            self.painted_unmeasured.emit()  # rare: the list measures before it shows a row
        small = _small_font(option.font)
        line = line_height(small)
        left = option.rect.left() + PAD
        width = self._body_width()
        painter.setFont(small)
        painter.setPen(palette.color(dim_role))
        header_rect = QRect(left, option.rect.top() + PAD, width, line)
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(header_rect, Qt.AlignmentFlag.AlignLeft, index.data(HEADER_ROLE))
        document = self._document(index, width)
        body = self._body_rect(option)
        painter.translate(body.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(text_role))
        context.palette.setColor(
            QPalette.ColorRole.Link,
            palette.color(text_role if selected else QPalette.ColorRole.Link),
        )
        layout = document.documentLayout()
        layout.draw(painter, context)
        painter.translate(-body.topLeft())
        details = index.data(DETAILS_ROLE)
        if details:
            painter.setFont(small)
            painter.setPen(palette.color(dim_role))
            top = body.top() + int(document.size().height()) + GAP
            painter.drawText(QRect(left, top, width, line), Qt.AlignmentFlag.AlignLeft, details)
        painter.restore()

    # ---- links -----------------------------------------------------------------------------

    def _link_under(
        self,
        point: QPoint,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> str:
        if not index.data(MARKDOWN_ROLE):
            return ""
        body = self._body_rect(option)
        document = self._document(index, body.width())
        return link_at(document, point.x() - body.left(), point.y() - body.top())

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            target = self._link_under(event.position().toPoint(), option, index)
            if target:
                self.open_link(target)
                return True
        return super().editorEvent(event, model, option, index)

    def open_link(self, target: str) -> None:
        """Only web and mail links open, in the person's own browser or mail app."""
        url = QUrl(target)
        if url.scheme().lower() not in {"http", "https", "mailto"}:
            return
        self.links_opened.append(url.toString())
        QDesktopServices.openUrl(url)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        target = self._link_under(event.pos(), option, index)
        if target:  # where the link goes, before anyone clicks it
            QToolTip.showText(event.globalPos(), plain_tooltip(target), view)
            return True
        QToolTip.hideText()
        return True


def _small_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    return small


@lru_cache(maxsize=16)
def _line_height(key: str, font: QFont) -> int:
    return QFontMetrics(font).height()


def line_height(font: QFont) -> int:
    """Asked for every row painted: measured once per font."""
    return _line_height(font.key(), font)
