"""The repository table's rows: sorted before they are shown, kept or re-sorted by the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from flashback_desktop.api.models import Repository, decode_repositories
from flashback_desktop.ui.repo_model import (
    RepositoryTableModel,
    build_rows,
)
from tests.benchmarks.payload import repos_body
from tests.support.repo_rows import build_sorted_rows

Repositories = tuple[Repository, ...]
NAMES = {"ws-1": "Finance", "ws-2": "Legal"}


@pytest.fixture(scope="module")
def repositories(qapp: QApplication) -> Repositories:
    # pytest-qt's application (the translated texts need one): a QCoreApplication made
    # here would break every widget test after it in the same run.
    return decode_repositories(repos_body(300))


def shown(model: RepositoryTableModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def by_name(model: RepositoryTableModel, repositories: Repositories) -> list[str]:
    model.set_rows(build_rows(repositories, NAMES))
    return shown(model)


def test_rows_sorted_in_the_model_order_are_shown_as_sorted(repositories: Repositories) -> None:
    expected = by_name(RepositoryTableModel(), repositories)
    model = RepositoryTableModel()
    model.set_rows(build_sorted_rows(repositories, NAMES, model.sort_order))
    assert shown(model) == expected


def test_rows_sorted_in_another_order_are_sorted_again(repositories: Repositories) -> None:
    """The person clicked another column while the rows were being built."""
    expected = by_name(RepositoryTableModel(), repositories)
    model = RepositoryTableModel()
    model.set_rows(build_sorted_rows(repositories, NAMES, (4, True)))
    assert shown(model) == expected


def test_sorting_away_and_back_sorts_again(repositories: Repositories) -> None:
    expected = by_name(RepositoryTableModel(), repositories)
    model = RepositoryTableModel()
    model.set_rows(build_sorted_rows(repositories, NAMES, model.sort_order))
    model.sort(4, Qt.SortOrder.DescendingOrder)
    assert shown(model) != expected
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert shown(model) == expected
