"""The repository list decoded in slices: the same records, and the same error, as in one go.

``decode_repositories_in_slices`` pauses between slices so the window keeps painting while a
long list decodes; whatever it is fed, it must end exactly as ``decode_repositories`` does:
the same records, or a ``ShapeError`` of the same kind with the same words.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given

from flashback_desktop.api import models
from flashback_desktop.api.models import ShapeError
from flashback_desktop.sandbox import make_repos
from tests.unit.test_decoders_property import BYTES, JSON, PROPERTY


def run_slices(body: bytes) -> tuple[object, int]:
    """The sliced decoder driven to its end: (its value or error, the pauses it made)."""
    steps = models.decode_repositories_in_slices(body)
    pauses = 0
    try:
        while True:
            next(steps)
            pauses += 1
    except StopIteration as done:
        return done.value, pauses
    except ShapeError as exc:
        return exc, pauses


def whole(body: bytes) -> object:
    try:
        return models.decode_repositories(body)
    except ShapeError as exc:
        return exc


def assert_same_end(body: bytes) -> None:
    sliced, _pauses = run_slices(body)
    expected = whole(body)
    if isinstance(expected, ShapeError):
        assert type(sliced) is type(expected)
        assert str(sliced) == str(expected)
    else:
        assert sliced == expected


@pytest.fixture(autouse=True)
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "REPOSITORIES_PER_SLICE", 2)  # many slices from small bodies


def test_a_long_list_comes_in_slices_with_the_same_records() -> None:
    body = json.dumps({"success": True, "repos": make_repos(9)}).encode()
    records, pauses = run_slices(body)
    assert records == models.decode_repositories(body)
    assert pauses == 5  # 9 records, 2 per slice


@pytest.mark.parametrize(
    "answer",
    [
        {"success": True, "repos": [*make_repos(5), {"id": 5}]},  # a bad record in a late slice
        {"success": True, "repos": [*make_repos(5), {"name": "no id"}]},
        {"success": True, "repos": {"not": "a list"}},
        {"success": True},
        {"success": False, "message": "refused"},
        [1, 2],
    ],
)
def test_a_bad_answer_fails_with_the_same_error(answer: object) -> None:
    body = json.dumps(answer).encode()
    assert isinstance(whole(body), ShapeError)
    assert_same_end(body)


def test_damaged_and_absurd_bodies_fail_with_the_same_error() -> None:
    good = json.dumps({"success": True, "repos": make_repos(6)}).encode()
    for body in (good[:-40], good.replace(b'"name"', b'"name":', 1), b"[" * 60_000, b""):
        assert_same_end(body)


@PROPERTY
@given(value=JSON)
def test_arbitrary_json_inside_the_answer(value: object) -> None:
    assert_same_end(json.dumps({"success": True, "repos": [value, value, value]}).encode())


@PROPERTY
@given(body=BYTES)
def test_arbitrary_bytes(body: bytes) -> None:
    assert_same_end(body)
