"""The real window against a server written to break it (``tests/support/hostile_server``).

One test per hostile category of issue 15 that is not about decoding bodies (those are in
``test_hostile_decoding.py``). Each plants its value at the server and looks at what the
person sees, what reached the server and what the log says.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.ui.error_dialog import ErrorDialog
from tests.support import hostile_app
from tests.support.hostile_app import HostileApp
from tests.support.hostile_server import Answer, HostileServer

# Bold red words, a link and a local image: what a crafted name would show as rich text.
MARKUP = (
    '<b style="color:red">Your Flashback password has expired</b> '
    '<a href="https://evil.example/">renew it</a> <img src="file:///etc/hostname">'
)


def as_seen(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters a person reads when Qt shows ``text`` in ``text_format``."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_seen(label: QLabel) -> str:
    return as_seen(label.text(), label.textFormat())


# The window and the hostile server, as fixtures of this module.
hostile = hostile_app.hostile
start_hostile_app = hostile_app.start_hostile_app


def plant_markup_everywhere(server: HostileServer) -> None:
    world = server.world
    world.profile.update(name=MARKUP, lastName=MARKUP, email=f"{MARKUP}@example.com")
    world.workspaces[0]["name"] = MARKUP
    world.repos[0]["name"] = MARKUP
    world.repos[0]["storageType"] = MARKUP
    world.repos[0]["aiLlms"] = [{"aiLlmId": "llm-1", "aiLlm": {"name": MARKUP}}]
    conversation = world.conversations[0]
    conversation["title"] = MARKUP
    conversation["creator"] = {"name": MARKUP, "lastName": "", "email": MARKUP}


def test_markup_in_every_server_field_is_shown_literally(
    start_hostile_app: Callable[..., HostileApp], hostile: HostileServer, qtbot: QtBot
) -> None:
    plant_markup_everywhere(hostile)
    app = start_hostile_app()
    window = app.window

    assert MARKUP in label_seen(window.user_label)
    model = window.model
    tooltips = [
        as_seen(model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) or "")
        for column in range(model.columnCount())
    ]
    shown = [model.data(model.index(0, column)) or "" for column in range(model.columnCount())]
    for cell, tip in zip(shown, tooltips, strict=True):
        if "<b" in cell:  # a cell with the planted text: its tooltip must read the same
            assert MARKUP in tip, tip
    assert sum(MARKUP in tip for tip in tooltips) >= 3  # name, workspace, status (model)

    with qtbot.waitSignal(window.history.page_shown, timeout=10_000):
        app.select("repo-1")
    assert MARKUP in label_seen(window.panel.selection_label)
    history = window.history.model
    history_tips = [
        as_seen(history.data(history.index(0, column), Qt.ItemDataRole.ToolTipRole) or "")
        for column in range(history.columnCount())
    ]
    assert sum(MARKUP in tip for tip in history_tips) >= 2, history_tips  # title, creator

    # The error dialog's headline names the repository.
    hostile.plant(
        "POST",
        "/conversation",
        Answer.json({"success": False, "message": MARKUP}, status=403),
    )
    with qtbot.waitSignal(window.dialog_opened, timeout=10_000) as opened:
        window.panel.new_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, ErrorDialog)
    assert MARKUP in label_seen(dialog.headline_label)
    assert dialog.message_label.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in dialog.details_box.toPlainText()
    dialog.close()

    # The Delete confirmation and the "Deleted …" line name the conversation.
    window.history.table.selectRow(0)
    with qtbot.waitSignal(window.history.dialog_opened, timeout=5000) as asked:
        window.history.ask_delete_selected()
    confirm = asked.args[0]
    assert isinstance(confirm, QMessageBox)
    assert MARKUP in as_seen(confirm.text(), confirm.textFormat())
    delete = next(b for b in confirm.buttons() if "Delete" in b.text())
    with qtbot.waitSignal(window.history.conversation_deleted, timeout=10_000):
        delete.click()
    assert MARKUP in label_seen(window.history.status_label)


def visible_labels(widget: QWidget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if label.isVisible()]
