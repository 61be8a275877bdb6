"""Cutting a long text short: one rule for every place that does (labels and cells, a name
in a sentence, the error dialog, the log, a server's reason).

No Qt and no imports, so every layer can use it, the logging leaf included.
"""

from __future__ import annotations

ELLIPSIS = "…"


def clip(text: str, limit: int, marker: str = ELLIPSIS, *, within: bool = False) -> str:
    """``text`` when it has at most ``limit`` characters; else its first ``limit`` and
    ``marker``. ``within``: the result, marker included, has at most ``limit`` characters,
    and the spaces the cut leaves at the end go."""
    if len(text) <= limit:
        return text
    if within:
        return text[: limit - len(marker)].rstrip() + marker
    return text[:limit] + marker
