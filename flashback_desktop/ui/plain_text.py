"""Text from the server shown as text, never as markup, where Qt has no plain-text switch.

Labels and message boxes take ``setTextFormat(Qt.TextFormat.PlainText)``. Tooltips do not:
Qt guesses, and shows anything that looks like HTML as HTML (a crafted name could show a
fake warning, a link or a local image). So a tooltip Qt would take for HTML is handed over
as HTML that spells the text out, escaped: it reads exactly as the server sent it.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows every character literally (word-wrapped)."""
    if not Qt.mightBeRichText(text):
        return text  # Qt shows it as it is (and an empty tooltip stays no tooltip)
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
