"""Translations: extract the strings from the sources, and compile the catalogues.

::

    uv run python -m tools.translations update    # sources -> resources/translations/*.ts
    uv run python -m tools.translations compile   # *.ts -> *.qm (what the app loads)

``update`` runs ``pyside6-lupdate`` over the app's Python sources: new strings appear in
each ``.ts`` as unfinished, strings gone from the code are dropped, and translations
already made are kept. Translate with Qt Linguist (``pyside6-linguist``) or any editor,
then ``compile``. The ``.qm`` files are committed next to their ``.ts`` (a checkout runs
translated without a build step); tests check that both are up to date. The bundle
collects ``resources/translations/*.qm`` into ``resources/translations`` next to the
``flashback_desktop`` package (``i18n.TRANSLATIONS_DIR``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "flashback_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("es", "de")  # every language but English, the source
# The sandbox is a stand-in server: its texts are the server's, not the app's.
EXCLUDED = ("sandbox",)


def tool(name: str) -> str:
    """A Qt tool from the environment PySide6 is installed in (it ships them)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    beside = Path(sys.executable).parent / f"{name}{suffix}"
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"translations: {name} not found; run `uv sync` first")
    return found


def sources() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).parts[0] not in EXCLUDED
    )


def ts_file(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"flashback_desktop_{language}.ts"


def update(folder: Path = TRANSLATIONS) -> None:
    """Bring each .ts in ``folder`` up to date with the sources (no line numbers, so a
    change elsewhere in a file does not touch the catalogues)."""
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(  # noqa: S603 - Qt's own tool, our arguments
            [
                tool("pyside6-lupdate"),
                *map(str, sources()),
                "-source-language",
                "en",
                "-target-language",
                language,
                "-locations",
                "none",
                "-no-obsolete",
                "-silent",
                "-ts",
                str(ts_file(language, folder)),
            ],
            check=True,
        )


def compile_catalogues(folder: Path = TRANSLATIONS, into: Path | None = None) -> list[Path]:
    """Compile each .ts of ``folder`` to a .qm in ``into`` (default: next to it)."""
    into = into or folder
    compiled = []
    for language in LANGUAGES:
        qm = into / f"flashback_desktop_{language}.qm"
        subprocess.run(  # noqa: S603 - Qt's own tool, our arguments
            [tool("pyside6-lrelease"), "-silent", str(ts_file(language, folder)), "-qm", str(qm)],
            check=True,
        )
        compiled.append(qm)
    return compiled


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.translations")
    parser.add_argument("command", choices=("update", "compile"))
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    else:
        compile_catalogues()
    return 0


if __name__ == "__main__":
    sys.exit(main())
