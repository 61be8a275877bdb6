"""Small modules with one concern: no module of the app over 450 lines (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "flashback_desktop"
MAX_LINES = 450
# Data, not code: the demo's repositories, people and conversations.
EXEMPT = {"sandbox/data.py"}


def oversized(package: Path, exempt: set[str]) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative in exempt:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found.append(f"{relative}: {lines} lines; move a concern into its own module")
    return found


def test_no_module_is_over_the_limit() -> None:
    assert oversized(PACKAGE, EXEMPT) == []


@pytest.mark.parametrize(("lines", "flagged"), [(MAX_LINES, False), (MAX_LINES + 1, True)])
def test_the_check_counts_lines(tmp_path: Path, lines: int, flagged: bool) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "big.py").write_text("x = 1\n" * lines, encoding="utf-8")
    (tmp_path / "data.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert oversized(tmp_path, {"data.py"}) == (
        [f"ui/big.py: {lines} lines; move a concern into its own module"] if flagged else []
    )
