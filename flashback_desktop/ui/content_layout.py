"""Where the content's parts sit inside the frame, and the Tab order that follows them."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from flashback_desktop.ui import accessibility
from flashback_desktop.ui.account_header import AccountHeader
from flashback_desktop.ui.connection_banner import ConnectionBanner
from flashback_desktop.ui.conversation_panel import ConversationPanel
from flashback_desktop.ui.history_panel import HistoryPanel
from flashback_desktop.ui.repository_list import RepositoryList


def central_widget(
    header: AccountHeader, banner: ConnectionBanner, repos: RepositoryList, splitter: QSplitter
) -> QWidget:
    """Top to bottom: the header, its notice, the offline banner, the filter bar, the rest."""
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addLayout(header.row)
    layout.addWidget(header.notice)
    layout.addWidget(banner)
    layout.addWidget(repos.filter_bar)
    layout.addWidget(splitter, 1)
    return central


def history_splitter(pages: QWidget, panel: ConversationPanel, history: HistoryPanel) -> QSplitter:
    """Repositories above; the selected one and its recent conversations below."""
    lower = QWidget()
    lower_layout = QVBoxLayout(lower)
    lower_layout.setContentsMargins(0, 0, 0, 0)
    lower_layout.addWidget(panel)
    lower_layout.addWidget(history, 1)
    splitter = QSplitter(QtCore.Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(pages)
    splitter.addWidget(lower)
    splitter.setObjectName("historySplitter")
    # Half and half: the list shows about ten repositories, and Recent conversations
    # (under the panel) several rows, not about three. Stretch shares out only what the
    # size hints leave over, so the sizes are set outright; the person's own split is
    # kept by window_state.
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([300, 300])
    return splitter


def set_tab_order(
    header: AccountHeader,
    banner: ConnectionBanner,
    repos: RepositoryList,
    panel: ConversationPanel,
    history: HistoryPanel,
) -> None:
    """Top to bottom, left to right: the order the window reads in.

    A widget that is hidden at the moment is skipped by Tab, so one chain serves
    every page. A new control joins the chain where it sits on screen.
    """
    accessibility.set_tab_order(
        header.refresh_button,
        header.sign_in_button,
        header.sign_out_button,
        banner.retry_button,
        repos.filter_bar.filter_edit,
        repos.filter_bar.workspace_combo,
        repos.table,
        repos.message_button,
        panel.new_button,
        panel.result_id,
        panel.copy_button,
        panel.open_button,
        history.retry_button,
        history.table,
        history.load_more_button,
        history.copy_button,
        history.open_button,
        history.delete_button,
    )
