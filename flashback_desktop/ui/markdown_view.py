"""An assistant's reply as a readable document, and nothing more than a document.

Replies are usually Markdown (lists, code blocks). Qt's own parser renders them with raw
HTML switched off, so a reply that contains ``<b>`` or ``<img>`` shows those characters;
and the document loads no resource at all (an image ``![x](http://…)`` or a local file
would otherwise be fetched or read just by showing the reply). Links stay links: the
window shows their target and opens them in the browser only when clicked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QUrl
from PySide6.QtGui import QFont, QTextDocument, QTextOption

# Markdown the way people write it in chat apps (GitHub's dialect), without any HTML.
_FEATURES = QTextDocument.MarkdownFeature.MarkdownDialectGitHub
_NO_HTML = QTextDocument.MarkdownFeature.MarkdownNoHTML


class SafeDocument(QTextDocument):
    """A document that never loads an image, a style sheet or anything else by itself."""

    resource_requests = 0  # counted for tests: how often Qt asked (always answered "none")

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        SafeDocument.resource_requests += 1
        return None


def reply_document(text: str, font: QFont, width: float) -> SafeDocument:
    """``text`` rendered from Markdown, no HTML, no resources, laid out ``width`` wide."""
    document = _document(font)
    document.setMarkdown(text, _FEATURES | _NO_HTML)  # code blocks come out fixed-width
    document.setTextWidth(width)
    return document


def plain_document(text: str, font: QFont, width: float) -> SafeDocument:
    """``text`` exactly as typed: the person's prompt, a system line, a server's text."""
    document = _document(font)
    document.setPlainText(text)
    document.setTextWidth(width)
    return document


def _document(font: QFont) -> SafeDocument:
    document = SafeDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    return document


def link_at(document: QTextDocument, x: float, y: float) -> str:
    """The target of the link under the point (document coordinates), or ""."""
    layout = document.documentLayout()
    return layout.anchorAt(QPointF(x, y)) if layout is not None else ""
