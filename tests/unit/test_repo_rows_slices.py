"""A long list's rows built, and the replaced ones freed, a slice at a time: the loop (the
window) runs between slices, and the rows are those ``build_sorted_rows`` makes."""

from __future__ import annotations

import asyncio
import time

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from flashback_desktop.api.models import Repository, decode_repositories
from flashback_desktop.ui import repo_model
from flashback_desktop.ui.repo_model import (
    RepositoryTableModel,
    build_sorted_rows_in_slices,
)
from tests.benchmarks.payload import repos_body
from tests.support.repo_rows import build_sorted_rows

Repositories = tuple[Repository, ...]
NAMES = {"ws-1": "Finance", "ws-2": "Legal"}
PER_SLICE = 100


@pytest.fixture(scope="module")
def repositories(qapp: QApplication) -> Repositories:
    # pytest-qt's application (the translated texts need one): a QCoreApplication made
    # here would break every widget test after it in the same run.
    return decode_repositories(repos_body(1_000))


@pytest.fixture(autouse=True)
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repo_model, "ROWS_PER_SLICE", PER_SLICE)


def test_rows_built_in_slices_are_the_rows_built_in_one_go(repositories: Repositories) -> None:
    turns = 0

    async def ticker() -> None:
        nonlocal turns
        while True:
            await asyncio.sleep(0)
            turns += 1

    async def build() -> repo_model.SortedRows:
        ticking = asyncio.create_task(ticker())
        await asyncio.sleep(0)
        try:
            return await build_sorted_rows_in_slices(repositories, NAMES, (4, True))
        finally:
            ticking.cancel()

    rows = asyncio.run(build())
    assert rows == build_sorted_rows(repositories, NAMES, (4, True))
    assert rows.order == (4, True)
    # The other task ran between the slices (and around the sort), as the window would.
    assert turns >= len(repositories) // PER_SLICE


def test_replaced_rows_are_freed_a_slice_at_a_time(repositories: Repositories) -> None:
    model = RepositoryTableModel()
    model.set_rows(build_sorted_rows(repositories, NAMES, model.sort_order))
    replaced = model._all  # the model's own list, which it frees after the reset
    model.set_rows(build_sorted_rows(repositories[:10], NAMES, model.sort_order))
    assert len(replaced) == len(repositories)  # not in the reset itself
    sizes = []
    deadline = time.monotonic() + 10
    while replaced and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        sizes.append(len(replaced))
    assert not replaced
    assert len(set(sizes)) > 2  # over several events, not in one
    assert model.rowCount() == 10
