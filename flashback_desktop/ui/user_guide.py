"""Help → User guide, in the app's language, shown inside the app.

English is the README's "User guide" section; each other language has its translation in
``resources/guide/user-guide.<lang>.md`` (the same bullets, the app's own words for its
buttons). The README and the guides ship with the app (next to the ``flashback_desktop``
package in a checkout, at the bundle's root in a PyInstaller build), so the guide works
offline and matches the version installed, with no web address to keep in step.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from flashback_desktop import i18n, resource_paths
from flashback_desktop.ui.accessibility import describe

log = logging.getLogger("flashback.ui.user_guide")

SECTION = "## User guide"


def _root() -> Path:
    """The folder with README.md and resources/ (checkout, bundle or wheel)."""
    return resource_paths.root()


def readme_path() -> Path:
    return _root() / "README.md"


def guide_path(language: str) -> Path:
    """The translated guide for ``language`` (English has none: it is the README's)."""
    return _root() / "resources" / "guide" / f"user-guide.{language}.md"


def user_guide_section(readme: str) -> str | None:
    """The section's Markdown, from its heading to the next heading of the same level."""
    lines = readme.splitlines()
    try:
        start = lines.index(SECTION)
    except ValueError:
        return None
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip()


def load_user_guide(path: Path | None = None, language: str | None = None) -> str | None:
    """The guide's Markdown in ``language`` (default: the app's), else in English from the
    README; None when this installation carries neither."""
    language = language or i18n.language_in_use()
    if path is None and language != i18n.SOURCE_LANGUAGE:
        try:
            return guide_path(language).read_text(encoding="utf-8").strip()
        except OSError:
            log.warning(
                "No user guide in %s here (%s): showing English", language, guide_path(language)
            )
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
