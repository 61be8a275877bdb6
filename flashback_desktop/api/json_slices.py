"""Decode a big JSON document in many short steps, so the window keeps getting the GIL.

``json.loads`` is one C call: for 10,000 repositories it holds the GIL for a few hundred
milliseconds, and a worker thread running it freezes the GUI thread just the same. Here
the top-level object's arrays are decoded one element at a time with
``JSONDecoder.raw_decode``; between two elements Python may hand the GIL to the GUI thread
(every ``sys.getswitchinterval()``, 5 ms by default). The result equals ``json.loads``.
"""

from __future__ import annotations

import json
import re
from typing import Any

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0

    def skip_space(self) -> str:
        """The next character after any whitespace ("" at the end)."""
        match = _SPACE.match(self.text, self.at)
        self.at = match.end() if match else self.at
        return self.text[self.at : self.at + 1]

    def expect(self, char: str) -> None:
        if self.skip_space() != char:
            raise json.JSONDecodeError(f"Expecting {char!r}", self.text, self.at)
        self.at += 1

    def value(self) -> Any:
        value, self.at = _DECODER.raw_decode(self.text, self.at)
        return value

    def array(self) -> list[Any]:
        """An array, element by element: the GIL may change hands between two of them."""
        self.expect("[")
        items: list[Any] = []
        if self.skip_space() == "]":
            self.at += 1
            return items
        while True:
            self.skip_space()
            items.append(self.value())
            if self.skip_space() == "]":
                self.at += 1
                return items
            self.expect(",")


def loads_in_slices(data: bytes | str) -> Any:
    """Like ``json.loads``; a top-level object's arrays are decoded element by element.

    Raises ``json.JSONDecodeError`` (a ValueError) or ``UnicodeDecodeError`` like
    ``json.loads`` does.
    """
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    reader = _Reader(text)
    if reader.skip_space() != "{":
        return json.loads(text)  # not an object: nothing big to slice
    reader.at += 1
    result: dict[str, Any] = {}
    if reader.skip_space() == "}":
        reader.at += 1
    else:
        while True:
            reader.skip_space()
            key = reader.value()
            if not isinstance(key, str):
                raise json.JSONDecodeError("Expecting property name", text, reader.at)
            reader.expect(":")
            result[key] = reader.array() if reader.skip_space() == "[" else reader.value()
            if reader.skip_space() == "}":
                reader.at += 1
                break
            reader.expect(",")
    if reader.skip_space():
        raise json.JSONDecodeError("Extra data", text, reader.at)
    return result
