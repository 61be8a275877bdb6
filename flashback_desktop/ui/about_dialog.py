"""About Flashback Desktop: version, the server in use, and the licences of what it bundles.

Licences are read from the installed packages' metadata, so they stay true when a
dependency changes; a built-in list covers bundles that ship without metadata.
"""

from __future__ import annotations

import importlib.metadata
import platform
from dataclasses import dataclass

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop import __version__
from flashback_desktop.translatable import QT_TRANSLATE_NOOP
from flashback_desktop.ui.accessibility import describe, set_tab_order

APP_NAME = "Flashback Desktop"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


# (distribution, name shown, licence when the metadata does not say). A name with words
# in it is marked for the translators and translated when the table is filled. The runtime
# dependencies the app ships with, in pyproject.toml's order, then what they pull in.
BUNDLED: tuple[tuple[str, str, str], ...] = (
    ("PySide6-Essentials", "Qt for Python (PySide6)", "LGPL-3.0-only"),
    ("shiboken6", "Shiboken", "LGPL-3.0-only"),
    ("httpx", "HTTPX", "BSD-3-Clause"),
    ("httpcore", "HTTP Core", "BSD-3-Clause"),
    ("h11", "h11", "MIT"),
    ("anyio", "AnyIO", "MIT"),
    ("idna", "idna", "BSD-3-Clause"),
    ("socksio", "socksio", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("jaraco.classes", "jaraco.classes", "MIT"),
    ("jaraco.context", "jaraco.context", "MIT"),
    ("jaraco.functools", "jaraco.functools", "MIT"),
    ("more-itertools", "more-itertools", "MIT"),
    ("SecretStorage", QT_TRANSLATE_NOOP("AboutDialog", "SecretStorage (Linux)"), "BSD-3-Clause"),
    ("jeepney", QT_TRANSLATE_NOOP("AboutDialog", "Jeepney (Linux)"), "MIT"),
    ("qasync", "qasync", "BSD-2-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("starlette", QT_TRANSLATE_NOOP("AboutDialog", "Starlette (demo server)"), "BSD-3-Clause"),
    ("uvicorn", QT_TRANSLATE_NOOP("AboutDialog", "Uvicorn (demo server)"), "BSD-3-Clause"),
    ("click", "Click", "BSD-3-Clause"),
    ("truststore", "truststore", "MIT"),
    ("certifi", "certifi", "MPL-2.0"),
)

# Trove classifiers -> SPDX, for packages that state their licence only that way.
_CLASSIFIERS = {
    "MIT License": "MIT",
    "BSD License": "BSD",
    "Apache Software License": "Apache-2.0",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
    "Python Software Foundation License": "PSF-2.0",
}


def _field(meta: importlib.metadata.PackageMetadata, name: str) -> str:
    # get_all: newer Pythons warn when [] finds nothing.
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def _licence_from_metadata(meta: importlib.metadata.PackageMetadata) -> str | None:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and "\n" not in text and len(text) <= 60 and text.upper() != "UNKNOWN":
        return text  # a short name; some packages put the whole licence text here
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License :: OSI Approved :: "):
            name = classifier.removeprefix("License :: OSI Approved :: ")
            spdx: str = _CLASSIFIERS.get(name, name)
            return spdx
    return None


def bundled_components() -> list[Component]:
    """Qt and Python first, then every bundled package found (or listed) with its licence."""
    components = [
        Component("Qt", qVersion(), "LGPL-3.0-only"),
        Component("Python", platform.python_version(), "PSF-2.0"),
    ]
    for distribution, shown, fallback in BUNDLED:
        try:
            meta = importlib.metadata.metadata(distribution)
            version = importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            if distribution == "PySide6-Essentials":  # the full PySide6 wheel instead
                components.append(Component(shown, pyside_version, fallback))
            continue  # a platform-only dependency that is not installed here
        components.append(Component(shown, version, _licence_from_metadata(meta) or fallback))
    return components


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, server: str) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        heading = self._build_heading(server)
        self._build_licences()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        caption = QLabel(self.tr("&Open-source components included, with their licences:"))
        caption.setBuddy(self.licences)
        layout.addWidget(caption)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)
        set_tab_order(self.licences, close)
        close.setFocus()  # not the table's first cell, which would look selected

    def _build_heading(self, server: str) -> QHBoxLayout:
        heading = QHBoxLayout()
        icon = QGuiApplication.windowIcon()
        if not icon.isNull():
            self.icon_label = QLabel()
            self.icon_label.setObjectName("aboutIcon")
            self.icon_label.setPixmap(icon.pixmap(64, 64))
            self.icon_label.setAccessibleName(self.tr("{app} icon").format(app=APP_NAME))
            heading.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel(f"<b>{APP_NAME}</b> {__version__}")
        self.title_label.setObjectName("aboutTitle")
        self.title_label.setAccessibleName(
            self.tr("{app} version {version}").format(app=APP_NAME, version=__version__)
        )
        text = QVBoxLayout()
        text.addWidget(self.title_label)
        blurb = QLabel(self.tr("Your Flashback repositories and AI conversations on the desktop."))
        blurb.setWordWrap(True)
        text.addWidget(blurb)
        self.server_label = QLabel(self.tr("Server: {server}").format(server=server))
        self.server_label.setObjectName("aboutServer")
        self.server_label.setTextFormat(Qt.TextFormat.PlainText)
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.server_label)
        heading.addLayout(text, 1)
        return heading

    def _build_licences(self) -> None:
        self.components = bundled_components()
        self.licences = QTableWidget(len(self.components), 3)
        self.licences.setObjectName("licenceTable")
        describe(
            self.licences,
            self.tr("Bundled components and their licences"),
            self.tr("Each open-source component the app includes, its version and its licence"),
        )
        self.licences.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        self.licences.verticalHeader().setVisible(False)
        self.licences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.licences.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, component in enumerate(self.components):
            name = self.tr(component.name)  # unchanged unless marked above
            for column, value in enumerate((name, component.version, component.licence)):
                self.licences.setItem(row, column, QTableWidgetItem(value))
        header = self.licences.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
