"""Light and dark, normal and high DPI: the window stays readable in each.

Xvfb has no desktop to report a colour scheme, so each test forces one
(``appearance.use_color_scheme``) and reads the pixels Qt actually drew.

Regenerate the README's screenshots with::

    FLASHBACK_WRITE_DOCS=1 tests/run tests/gui/test_appearance.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from flashback_desktop.ui import appearance
from tests.gui.conftest import App
from tests.support.sandbox_data import repo_id_named

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


@pytest.fixture
def force_scheme() -> Iterator[Callable[[Qt.ColorScheme], None]]:
    yield appearance.use_color_scheme
    appearance.follow_system()


def drawn(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def mean_luminance(image: QImage) -> float:
    step = 4  # every fourth pixel each way is plenty for an average
    values = [
        appearance.relative_luminance(QColor(image.pixel(x, y)))
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    ]
    return sum(values) / len(values)


def text_contrast(widget: QWidget) -> float:
    """Contrast between the drawn background (the commonest colour) and the drawn text
    (the pixel furthest from it): what a person sees, antialiasing and all."""
    image = drawn(widget)
    pixels = Counter(image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    background = QColor(pixels.most_common(1)[0][0])
    return max(appearance.contrast_ratio(background, QColor(p)) for p in pixels)


def show_a_created_conversation(app: App, qtbot: QtBot) -> None:
    """A new conversation at the top of a history with a few earlier ones."""
    repo_id = repo_id_named(app.sandbox, "Contracts archive 2019-2025")
    start = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    for n, title in enumerate(("Retention period for 2019 files", None, "Clause 7 questions")):
        app.sandbox.state.add_conversation(
            repo_id, created_at=start + timedelta(days=n), title=title, tokens_in=1200 * (n + 1)
        )
    history = app.page.history
    with history.wait_page_shown(qtbot):
        app.select("Contracts archive 2019-2025")
    with app.page.wait_created(qtbot) as created:
        app.page.new_conversation()
    qtbot.waitUntil(lambda: history.ids()[:1] == [created.args[0]], timeout=10_000)


def test_light_and_dark_are_both_drawn_and_readable(
    start_app: Callable[..., App], qtbot: QtBot, force_scheme: Callable[[Qt.ColorScheme], None]
) -> None:
    app = start_app()
    show_a_created_conversation(app, qtbot)
    window, page = app.window, app.page
    window.resize(1000, 720)
    brightness = {}
    for name, scheme in SCHEMES.items():
        force_scheme(scheme)
        qtbot.wait(50)  # the palette change reaches every widget through events
        assert appearance.scheme_of(window.palette()) == scheme
        brightness[name] = mean_luminance(drawn(window))
        for widget in (
            page.user_label,
            page.panel.selection_label,
            page.panel.created_id_box,
        ):
            assert text_contrast(widget) >= 4.5, (name, widget.objectName())
        assert text_contrast(page.list_view.viewport()) >= 4.5, name
        assert text_contrast(page.history.table.viewport()) >= 4.5, name
        if os.environ.get("FLASHBACK_WRITE_DOCS") == "1":
            assert window.grab().save(str(DOCS / f"main-window-{name}.png"))
    assert brightness["light"] > 0.5
    assert brightness["dark"] < 0.2


def test_the_sign_in_link_follows_the_scheme(
    start_app: Callable[..., App], qtbot: QtBot, force_scheme: Callable[[Qt.ColorScheme], None]
) -> None:
    """Drawn from the palette's Link role at paint time, so a live switch recolours it."""
    app = start_app(signed_in=False)
    dialog = app.page.wait_sign_in_dialog(qtbot)
    drawn_link = []
    for scheme in SCHEMES.values():
        force_scheme(scheme)
        qtbot.wait(50)
        link = dialog.use_token_link
        assert text_contrast(link) >= 4.5
        image = drawn(link)
        colours = Counter(
            image.pixel(x, y) for y in range(image.height()) for x in range(image.width())
        )
        drawn_link.append(QColor(colours.most_common(2)[1][0]).name())  # the text's colour
    assert drawn_link[0] != drawn_link[1]


def test_no_colour_is_fixed_in_the_ui() -> None:
    """Colours come from palette roles; only appearance.py defines a fallback palette."""
    fixed = re.compile(r"setStyleSheet|QColor\(|#[0-9a-fA-F]{6}\b|rgba?\(")
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((ROOT / "flashback_desktop" / "ui").glob("*.py"))
        if path.name != "appearance.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if fixed.search(line)
    ]
    assert found == []


def test_at_200_percent_the_window_is_drawn_at_twice_the_pixels(tmp_path: Path) -> None:
    """QT_SCALE_FACTOR=2, as on a 4K screen at 200 %: everything is laid out in logical
    pixels, so the picture doubles and nothing is cut off."""
    sizes = {}
    for factor in ("1", "2"):
        shot = tmp_path / f"window-{factor}.png"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "flashback_desktop",
                "--demo",
                "--exit-after",
                "repos-loaded",
                "--screenshot",
                str(shot),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "QT_SCALE_FACTOR": factor},
        )
        assert result.returncode == 0, result.stderr
        image = QImage(str(shot))
        sizes[factor] = (image.width(), image.height())
    assert sizes["2"] == (sizes["1"][0] * 2, sizes["1"][1] * 2)
