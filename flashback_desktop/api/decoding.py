"""The decoding core the API's records share: the body, the one decode call, ``ShapeError``
and its kinds, the envelope of every answer, loose counters and dates, and the error body.

msgspec does the work; every way a body can fail to fit becomes a ``ShapeError``, which the
client words for the person (api/exchange.py). The records themselves are in models.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

import msgspec

T = TypeVar("T")


# A response body, read once into one buffer.
Body = bytes | bytearray


class ShapeError(ValueError):
    """The body is not JSON of the documented shape."""


class NotJsonError(ShapeError):
    """The body is not JSON at all (or JSON no decoder should follow, nested without end)."""


class RefusedAnswer(ShapeError):
    """The answer says ``success: false``: a refusal, which the client words as such."""


def decode(body: Body, shape: Any) -> Any:
    """``body`` as ``shape``; every way it can fail is a ``ShapeError``."""
    try:
        value = msgspec.json.decode(body, type=shape)
    except msgspec.ValidationError as exc:
        raise ShapeError(str(exc)) from exc
    except msgspec.DecodeError as exc:
        raise NotJsonError(str(exc)) from exc
    except RecursionError as exc:  # nested deeper than the decoder goes: hostile, not data
        raise NotJsonError("nested too deeply") from exc
    if isinstance(value, Answer) and value.success is False:
        raise RefusedAnswer("the server answered success: false")
    return value


def decode_as(body: Body, shape: type[T]) -> T:
    """``decode`` for one Struct type, typed as such."""
    value: T = decode(body, shape)
    return value


NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]
# Counters arrive as numbers or as decimal strings (they may exceed 2^53). Forty digits is
# far beyond any real count, and keeps int() clear of Python's 4,300-digit limit.
Counter = (
    Annotated[int, msgspec.Meta(ge=0, le=2**63 - 1)]  # msgspec bounds stop at int64
    | Annotated[str, msgspec.Meta(pattern="^[0-9]{1,40}$")]
    | None
)
# Counts the window hands to Qt (a C int) or pages through.
Count = Annotated[int, msgspec.Meta(ge=0, le=2**31 - 1)]


def counter(value: int | str | None) -> int:
    return 0 if value is None else int(value)


def timestamp(text: str | None) -> datetime | None:
    """ISO 8601; an unparseable or impossible date is shown as unknown rather than failing
    the list.

    The API always says UTC ("Z"); a date without a zone is read as UTC, so it can still be
    compared with the app's own (aware) times.
    """
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if not 1970 < moment.year < 9999:  # no Flashback date; and local time could overflow
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class Record(msgspec.Struct, frozen=True, gc=False):
    """Records hold strings, numbers and other records only: no cycles for the GC to find."""


class Answer(msgspec.Struct, frozen=True, gc=False):
    """The envelope every answer may carry; ``success: false`` is a refusal, not data."""

    success: Any = None


class ErrorBody(Answer, frozen=True, gc=False):
    """What an error answer (or a ``success: false``) may say; loose, as proxies answer too."""

    message: Any = None
    error_message: Any = None
    error: Any = None
    error_code: Any = None

    @property
    def server_message(self) -> str | None:
        for value in (self.message, self.error_message, self.error):
            if isinstance(value, str) and value:
                return value
        return None

    @property
    def server_code(self) -> str | None:
        return self.error_code if isinstance(self.error_code, str) else None


def decode_error_body(body: Body) -> ErrorBody | None:
    """The error fields of a JSON object body; None when the body is not one (an HTML page,
    a JSON list): then the status alone tells what happened.

    Raises ``ShapeError`` for JSON no client should follow (nested without end, numbers
    beyond what Python converts): that answer is unreadable, whatever its status.
    """
    try:
        return msgspec.json.decode(body, type=ErrorBody)
    except RecursionError as exc:
        raise NotJsonError("nested too deeply") from exc
    except msgspec.ValidationError:  # JSON, but not an object; or a number out of range
        pass
    except msgspec.DecodeError:  # not JSON at all
        return None
    decode(body, Any)  # raises ShapeError when the JSON itself is absurd (rare path)
    return None
