"""Loading the repository list, and what a failure to load means for the window.

Workspaces, repositories and the profile are asked for together. Out of reach: keep what is
shown and let the banner retry by itself. Anything else: say what, with Try again. A long
list's rows are built in slices, with the window running between them.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal

from flashback_desktop.api import errors
from flashback_desktop.api.models import Repository
from flashback_desktop.i18n import message
from flashback_desktop.ui import repo_model
from flashback_desktop.ui.connection_banner import ConnectionBanner
from flashback_desktop.ui.repo_model import RepositoryRow
from flashback_desktop.ui.repository_list import RepositoryList
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # the session (httpx, keyring) loads in a worker thread, not with the window
    from flashback_desktop.session.session import Session

log = logging.getLogger("flashback.ui")

LOAD_TASK = "load-repositories"
# Rows take about 4 µs each. Built in the same turn as the showing, 1,000 of them held the
# window for one 20 ms frame after each sign-in (run_all, target 4); built a turn before, the
# longest gap was 8 ms, for about 1 ms more until they are shown. Below this, in one go.
_ROWS_BUILT_IN_SLICES = 500


def _plain(exc: BaseException) -> str:
    if isinstance(exc, errors.FlashbackError):
        return f"{message(exc.message)}\n{message(exc.action)}"
    return str(exc)


class RepositoryLoader(QObject):
    loading_changed = Signal()  # Refresh follows ``loading``
    answered = Signal()  # an answer, whatever it was: no longer "Connecting…"
    reached = Signal()  # the list came: the profile and keyring notice may be news
    needs_sign_in = Signal()
    shown = Signal(int)  # how many repositories the list now holds

    def __init__(self, repos: RepositoryList, banner: ConnectionBanner, tasks: TaskManager) -> None:
        super().__init__(repos)
        self.repos = repos
        self.banner = banner
        self.tasks = tasks
        self.session: Session | None = None
        self.loading = False

    def refresh(self) -> None:
        if self.session is None or not self.session.signed_in or self.loading:
            return
        self.tasks.start(LOAD_TASK, self.load())

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self.loading_changed.emit()

    async def load(self) -> bool:
        """Workspaces, repositories and the profile; True when the list was shown."""
        session = self.session
        if session is None:
            raise RuntimeError("The window has no session yet")
        if not self.repos.has_rows:  # a reload keeps the list on screen meanwhile
            self.repos.show_loading()
        self._set_loading(True)
        try:
            workspaces, repositories, profile = await asyncio.gather(
                session.list_workspaces(),
                session.list_repositories(),
                session.load_profile(),
                return_exceptions=True,
            )
        finally:
            self.loading = False
            self.answered.emit()
        failures = [r for r in (repositories, workspaces, profile) if isinstance(r, BaseException)]
        for failure in failures:
            if not isinstance(failure, errors.FlashbackError):
                raise failure  # a bug, not a network problem: the crash handler reports it
        if any(isinstance(f, errors.UnauthorizedError) for f in failures):
            log.info("Loading repositories needs a new sign-in")
            self.needs_sign_in.emit()
            return False
        if isinstance(repositories, BaseException):
            # Only FlashbackErrors get this far: anything else was raised above.
            self._failed(cast(errors.FlashbackError, repositories))
            return False
        self.banner.stop()
        if isinstance(workspaces, BaseException):  # names are a nicety; rows still help
            log.warning("Loading workspace names failed: %s", workspaces)
            workspaces = ()
        if isinstance(profile, BaseException):
            log.warning("Loading the profile failed: %s", profile)
        workspace_names = {w.id: w.name for w in workspaces}
        self.reached.emit()
        rows = None
        if len(repositories) > _ROWS_BUILT_IN_SLICES:  # keep the window live
            rows = await repo_model.build_sorted_rows_in_slices(
                repositories,
                workspace_names,
                self.repos.model.sort_order,  # re-sorted if a click changes it meanwhile
            )
        self.show(repositories, workspace_names, rows)
        return True

    def show(
        self,
        repositories: tuple[Repository, ...],
        workspace_names: dict[str, str],
        rows: list[RepositoryRow] | None = None,
    ) -> None:
        self.repos.show_repositories(repositories, workspace_names, rows)
        self.shown.emit(len(repositories))

    def _failed(self, exc: errors.FlashbackError) -> None:
        """Out of reach: keep what is shown and retry by itself. Anything else: say what."""
        log.warning("Loading repositories failed: %s", exc)
        if not errors.is_transient(exc):
            self.banner.stop()  # reached it: a different problem, not worth retrying
            self.repos.show_message(_plain(exc), button=(self.tr("Try again"), self.refresh))
            return
        self.banner.attempt_failed(message(exc.message))
        if self.repos.has_rows:
            self.repos.show_list_page()
        else:
            self.repos.show_message(_plain(exc), button=(self.tr("Try again"), self.refresh))
