"""The repository rows as the model should end up with them, built in one go: the oracle
the sliced build (``repo_model.build_sorted_rows_in_slices``) is compared with."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flashback_desktop.api.models import Repository
from flashback_desktop.ui.repo_model import SortedRows, SortOrder, build_rows


def build_sorted_rows(
    repositories: Sequence[Repository], workspace_names: Mapping[str, str], order: SortOrder
) -> SortedRows:
    """``build_rows``, sorted in ``order`` (the model's ``sort_order``)."""
    rows = build_rows(repositories, workspace_names)
    column, descending = order
    rows.sort(key=lambda row: row.sort_keys[column], reverse=descending)
    return SortedRows(rows, order)
