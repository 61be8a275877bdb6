"""The bundle in demo mode under Xvfb shows the sandbox's repository names on screen.

How the names are proved to be in the screenshot, without OCR: the same window is built
here from source (the real MainWindow, filled from a sandbox with the same seeded data),
and for every repository the pixels of its name cell are cut out of that reference
picture. Each of those cell images must then be found, pixel for pixel, in the bundle's
screenshot. The same Qt version draws the same text with the same fonts on the same
display, so a match means the bundle drew that very name; a missing font, plugin or row
makes it fail. (The cell images are checked to hold text, not just background.)
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage

from tests.bundle.conftest import Built, bundle_env
from tests.gui.conftest import App
from tests.support.real_parts import require_real_display

pytestmark = pytest.mark.bundle

NAME_COLUMN = 0
X_SLACK = 40  # the bundle's columns may sit a few pixels elsewhere; search around the spot


def name_cells(app: App) -> dict[str, QRect]:
    """Each shown repository name's cell in window coordinates, shrunk off the grid lines.

    Only whole rows in the list's visible area: the recent conversations below the list
    leave room for about nine of the fourteen. The first row is left out: the app gives the
    list the keyboard focus once it has loaded, so in the bundle's picture that row carries
    the focus frame, which the reference (not the active window here) does not draw."""
    table, model = app.content.table, app.content.model
    visible = table.viewport().rect()
    cells = {}
    for row in range(1, model.rowCount()):
        repository = model.repository_at(row)
        assert repository is not None
        rect = table.visualRect(model.index(row, NAME_COLUMN))
        if not visible.contains(rect):
            continue
        top_left = table.viewport().mapTo(app.window, rect.topLeft())
        cells[repository.name] = QRect(top_left, rect.size()).adjusted(2, 2, -2, -2)
    return cells


def rows_of(image: QImage) -> list[bytes]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    stride, width = image.bytesPerLine(), image.width() * 4
    data = image.constBits().tobytes()  # type: ignore[union-attr]
    return [data[y * stride : y * stride + width] for y in range(image.height())]


def crop(rows: list[bytes], rect: QRect) -> list[bytes]:
    x0, x1 = rect.x() * 4, (rect.x() + rect.width()) * 4
    return [row[x0:x1] for row in rows[rect.y() : rect.y() + rect.height()]]


def find(picture: list[bytes], template: list[bytes], near_x: int) -> QPoint | None:
    """Where ``template`` appears in ``picture`` exactly, with its left edge near ``near_x``."""
    width = len(template[0]) // 4
    max_x = len(picture[0]) // 4 - width
    xs = range(max(0, near_x - X_SLACK), min(max_x, near_x + X_SLACK) + 1)
    for y in range(len(picture) - len(template) + 1):
        for x in xs:
            if picture[y][x * 4 : (x + width) * 4] != template[0]:
                continue
            if all(
                picture[y + i][x * 4 : (x + width) * 4] == template[i]
                for i in range(1, len(template))
            ):
                return QPoint(x, y)
    return None


def colours_in(template: list[bytes]) -> int:
    return len({row[i : i + 4] for row in template for i in range(0, len(row), 4)})


def test_demo_mode_shows_the_sandbox_repositories(
    built: Built, start_app: Callable[..., App], tmp_path: Path
) -> None:
    display = require_real_display()
    shot = tmp_path / "bundle.png"
    env = bundle_env(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_STATE_HOME=str(tmp_path / "state"))
    result = subprocess.run(
        [str(built.launcher), "--demo", "--exit-after", "repos-loaded", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    bundle_picture = QImage(str(shot))
    assert not bundle_picture.isNull()

    app = start_app()  # the reference: the same window from source, same seeded data
    reference = app.window.grab().toImage()
    reference.save(str(tmp_path / "reference.png"))
    assert bundle_picture.size() == reference.size()
    assert app.content.model.rowCount() == 14  # what the sandbox seeds for the demo user
    cells = name_cells(app)
    assert len(cells) >= 7

    picture, source = rows_of(bundle_picture), rows_of(reference)
    missing = []
    for name, rect in cells.items():
        template = crop(source, rect)
        assert colours_in(template) > 5, f"the reference cell of {name!r} holds no text"
        if find(picture, template, rect.x()) is None:
            missing.append(name)
    assert missing == [], f"not on the bundle's screen: {missing} (see {shot})"
