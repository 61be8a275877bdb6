"""Leave ``tomli`` missing instead of aliasing it to setuptools' vendored copy.

msgspec.toml imports tomli only inside a function, as a fallback where tomllib is missing
(Python < 3.11); the app decodes JSON only. PyInstaller's own hook for the name points it
at ``setuptools._vendor.tomli``, which pulls all of setuptools, distutils and pydoc into the
bundle (+2.6 MB, +6 files). This hook, found first through the spec's ``hookspath``,
replaces it and does nothing.
"""

from typing import Any


def pre_safe_import_module(api: Any) -> None:
    return None
