"""Find a repository fast: a filter box (Ctrl+F) and a workspace choice above the list."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from flashback_desktop.clipping import clip
from flashback_desktop.ui.accessibility import describe
from flashback_desktop.ui.long_text import bounded_tooltip

SHOWN_NAME_CHARACTERS = 40


class FilterBar(QWidget):
    changed = Signal()
    # Down arrow in the filter box: go to the list, like a search field's results.
    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Filter repositories…"))
        describe(
            self.filter_edit,
            self.tr("Filter repositories"),
            self.tr(
                "Shows repositories whose name or workspace contains the text; "
                "Down arrow goes to the list"
            ),
        )
        self.filter_edit.installEventFilter(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.changed)
        self.workspace_combo = QComboBox()
        self.workspace_combo.setObjectName("workspaceCombo")
        describe(
            self.workspace_combo,
            self.tr("Workspace"),
            self.tr("Shows the repositories of one workspace, or of all of them"),
        )
        self.workspace_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.workspace_combo.addItem(self.tr("All workspaces"), None)
        self.workspace_combo.currentIndexChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit, 1)
        layout.addWidget(self.workspace_combo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.down_pressed.emit()
            return True
        return super().eventFilter(watched, event)

    @property
    def text(self) -> str:
        return self.filter_edit.text()

    @property
    def workspace_id(self) -> str | None:
        chosen = self.workspace_combo.currentData()
        return chosen if isinstance(chosen, str) else None

    def set_workspaces(self, names: Mapping[str, str]) -> None:
        """Offer these workspaces, keeping the current choice when it is still there."""
        chosen = self.workspace_id
        self.workspace_combo.blockSignals(True)  # refilling is not the person choosing
        self.workspace_combo.clear()
        self.workspace_combo.addItem(self.tr("All workspaces"), None)
        for workspace_id, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            # The box grows to its longest item: a name from the server is kept short.
            self.workspace_combo.addItem(clip(name, SHOWN_NAME_CHARACTERS), workspace_id)
            if len(name) > SHOWN_NAME_CHARACTERS:
                last = self.workspace_combo.count() - 1
                self.workspace_combo.setItemData(
                    last, bounded_tooltip(name), Qt.ItemDataRole.ToolTipRole
                )
        self.workspace_combo.setCurrentIndex(max(0, self.workspace_combo.findData(chosen)))
        self.workspace_combo.blockSignals(False)

    def focus(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def clear(self) -> None:
        self.filter_edit.clear()
        self.workspace_combo.setCurrentIndex(0)
