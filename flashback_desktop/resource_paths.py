"""Where the app's own files are: translations, icons, the user guide and the README.

They live in ``resources/`` (and ``README.md``) at the top of the project. Three ways of
running the app keep them in three places; this is the one place that knows which:

- an installed wheel carries them inside the package (``flashback_desktop/resources``,
  ``flashback_desktop/README.md``: hatch's ``force-include`` in pyproject.toml);
- the PyInstaller bundle keeps them at its root (``_MEIPASS``: packaging's .spec);
- a source checkout has them next to the package.

Each is a folder holding ``README.md`` and ``resources/``. Qt loads translations from a
directory name, so the answer is a real path (packages are never imported from a zip here).

The package's folder is what ``importlib.resources.files`` answers for a package on disk,
taken from the package's own import spec: ``importlib.resources`` itself costs 7 to 30 ms
(tempfile, zipfile) before the first paint, where the translations are looked up.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = "flashback_desktop"


def root() -> Path:
    """The folder that holds ``README.md`` and ``resources/`` for this installation."""
    package = _package_folder()
    if (package / "resources").is_dir():  # an installed wheel
        return package
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:  # the PyInstaller bundle
        return Path(bundled)
    return package.parent  # the source checkout


def resource(*parts: str) -> Path:
    """``resources/<parts…>`` of this installation (it may not exist: callers say so)."""
    return root().joinpath("resources", *parts)


def readme() -> Path:
    return root() / "README.md"


def _package_folder() -> Path:
    """The installed package's folder (its spec's search location, as importlib.resources
    reads it); in the bundle it holds only compiled modules, not the resources."""
    spec = sys.modules[PACKAGE].__spec__
    locations = spec.submodule_search_locations if spec is not None else None
    return Path(next(iter(locations))) if locations else Path(__file__).resolve().parent
