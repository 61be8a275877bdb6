"""Decoding a big body in slices gives exactly what json.loads gives, errors included."""

from __future__ import annotations

import json

import pytest

from flashback_desktop.api.json_slices import loads_in_slices
from tests.benchmarks.payload import repos_body

DOCUMENTS = [
    "{}",
    '{"repos": []}',
    ' \n{ "repos" : [ 1 , 2 ,{"b":[3, [4]]}] , "c": "x", "n": null, "t": true }\n',
    '{"a": [[], [[]], {}], "b": {"c": [1]}, "é": "ünïcode \\u00e9 \\ud83d\\ude00"}',
    '{"dup": 1, "dup": [2]}',  # the last one wins, as in json.loads
    "[1, 2, 3]",  # not an object: passed to json.loads whole
    '"text"',
    "12.5e3",
]

BROKEN = [
    "",
    "{",
    '{"a": [1,}',
    '{"a": [1 2]}',
    '{"a" 1}',
    "{1: 2}",
    '{"a": 1} trailing',
    '{"a": 1,}',
    '{"a": [1]',
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_same_result_as_json_loads(document: str) -> None:
    assert loads_in_slices(document) == json.loads(document)
    assert loads_in_slices(document.encode()) == json.loads(document.encode())


def test_a_realistic_body_of_a_thousand_repositories() -> None:
    body = repos_body(1000)
    assert loads_in_slices(body) == json.loads(body)


@pytest.mark.parametrize("document", BROKEN)
def test_broken_json_raises_value_error_like_json_loads(document: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads(document)
    with pytest.raises(json.JSONDecodeError):
        loads_in_slices(document)


def test_bytes_that_are_not_utf8_raise_like_json_loads() -> None:
    with pytest.raises(UnicodeDecodeError):
        json.loads(b'{"a": "\xff"}')
    with pytest.raises(UnicodeDecodeError):
        loads_in_slices(b'{"a": "\xff"}')
