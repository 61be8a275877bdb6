"""The AI model a prompt goes to: offered only when the repository has more than one, and
the last choice remembered per repository (``preferences.saved_model``)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from flashback_desktop import preferences
from flashback_desktop.api.models import Repository
from flashback_desktop.session.conversation_chat import ConversationChat
from flashback_desktop.ui.accessibility import describe


class ModelChoice(QWidget):
    """ "Model:" and its list, in a conversation's window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository_id: str | None = None
        self.label = QLabel(self.tr("&Model:"))
        self.combo = QComboBox()
        self.combo.setObjectName("modelCombo")
        self.label.setBuddy(self.combo)
        describe(self.combo, self.tr("AI model"), self.tr("The model that answers"))
        self.combo.activated.connect(self._chosen)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)

    @property
    def several(self) -> bool:
        """More than one to choose from: only then is the choice shown."""
        return self.combo.count() > 1

    async def load(self, chat: ConversationChat, repository: Repository) -> None:
        """The models the repository offers, with the one chosen last time selected."""
        models = await chat.models(repository.id, repository.ai_model_names)
        self._repository_id = repository.id
        self.combo.clear()
        for offered in models:
            self.combo.addItem(offered.name, offered.id)
        saved = preferences.saved_model(QSettings(), repository.id)
        found = self.combo.findData(saved) if saved else -1
        self.combo.setCurrentIndex(max(found, 0))

    def chosen(self) -> str | None:
        model_id = self.combo.currentData()
        return model_id if isinstance(model_id, str) and model_id else None

    def _chosen(self, row: int) -> None:
        model_id = self.combo.itemData(row)
        if self._repository_id is not None and isinstance(model_id, str):
            preferences.save_model(QSettings(), self._repository_id, model_id)
