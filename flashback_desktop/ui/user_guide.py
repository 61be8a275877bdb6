"""Help → User guide: the README's "User guide" section, shown inside the app.

The README ships with the app (next to the ``flashback_desktop`` package in a checkout, at
the bundle's root in a PyInstaller build), so the guide works offline and matches the
version installed, with no web address to keep in step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from flashback_desktop.ui.accessibility import describe

SECTION = "## User guide"


def readme_path() -> Path:
    """README.md in the bundle (PyInstaller's _MEIPASS) or in the source checkout."""
    bundled = getattr(sys, "_MEIPASS", None)
    base = Path(bundled) if bundled else Path(__file__).resolve().parents[2]
    return base / "README.md"


def user_guide_section(readme: str) -> str | None:
    """The section's Markdown, from its heading to the next heading of the same level."""
    lines = readme.splitlines()
    try:
        start = lines.index(SECTION)
    except ValueError:
        return None
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip()


def load_user_guide(path: Path | None = None) -> str | None:
    """The guide's Markdown, or None when this installation carries no README."""
    try:
        text = (path or readme_path()).read_text(encoding="utf-8")
    except OSError:
        return None
    return user_guide_section(text)


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None, markdown: str) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("Flashback Desktop — User guide"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(640, 520)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setMarkdown(markdown)
        describe(self.text, self.tr("User guide"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.text.setFocus()
