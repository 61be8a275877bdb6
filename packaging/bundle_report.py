"""Facts about a built bundle: its size and file count against the budget, and on Linux the
newest C library (glibc) and C++ library (libstdc++) symbol versions its ELF files need.

The glibc floor decides which Linux systems the bundle starts on: a system whose glibc is
older than the newest ``GLIBC_x.y`` symbol version any bundled file asks for cannot load
that file. The figures come from ``objdump -T`` (binutils), as the dynamic loader sees
them; ``readelf --dyn-syms`` is used where objdump is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

BUDGET_FILE = Path(__file__).resolve().parent / "size-budget.json"
# objdump -T: "0000000000000000      DF *UND*  0000000000000000 (GLIBC_2.35) hypot"
_OBJDUMP_IMPORT = re.compile(r"\*UND\*.*\s\(?(GLIBC|GLIBCXX)_([0-9.]+)\)?\s+(\S+)\s*$")
# readelf --dyn-syms: "  12: 0000000000000000  0 FUNC  GLOBAL DEFAULT  UND hypot@GLIBC_2.35 (5)"
_READELF_IMPORT = re.compile(r"\sUND\s+(\S+?)@+(GLIBC|GLIBCXX)_([0-9.]+)")
_ELF_MAGIC = b"\x7fELF"


@dataclass(frozen=True)
class SymbolFloor:
    """The newest version of one library's symbols that the bundle needs, and who needs it."""

    library: str  # "GLIBC" or "GLIBCXX"
    version: tuple[int, ...]
    file: str  # relative to the bundle
    symbol: str

    @property
    def text(self) -> str:
        return f"{self.library}_{'.'.join(map(str, self.version))}"


@dataclass(frozen=True)
class Size:
    total_bytes: int
    files: int

    @property
    def megabytes(self) -> float:
        return self.total_bytes / 1_000_000


@dataclass(frozen=True)
class Budget:
    max_bytes: int
    max_files: int

    def problems(self, size: Size) -> list[str]:
        found = []
        if size.total_bytes > self.max_bytes:
            found.append(
                f"{size.megabytes:.1f} MB is over the budget of {self.max_bytes / 1e6:.1f} MB"
            )
        if size.files > self.max_files:
            found.append(f"{size.files} files is over the budget of {self.max_files}")
        return found


def measure(bundle: Path) -> Size:
    """Apparent size of every regular file (symlinks not followed) and how many there are."""
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    return Size(sum(p.stat().st_size for p in files), len(files))


def load_budget(platform: str, path: Path = BUDGET_FILE) -> Budget:
    entry = json.loads(path.read_text(encoding="utf-8"))["platforms"][platform]
    return Budget(max_bytes=int(entry["max_bytes"]), max_files=int(entry["max_files"]))


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == _ELF_MAGIC:
                    found.append(path)
    return found


def _imports(path: Path) -> list[tuple[str, str, str]]:
    """(library, version, symbol) of every versioned symbol the file imports."""
    objdump, readelf = shutil.which("objdump"), shutil.which("readelf")
    if objdump:
        out = subprocess.run([objdump, "-T", str(path)], capture_output=True, text=True, check=True)
        return [
            (m[1], m[2], m[3]) for m in map(_OBJDUMP_IMPORT.search, out.stdout.splitlines()) if m
        ]
    if readelf is None:
        raise RuntimeError("neither objdump nor readelf is installed (Debian: binutils)")
    command = [readelf, "--dyn-syms", "--wide", str(path)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return [(m[2], m[3], m[1]) for m in map(_READELF_IMPORT.search, out.stdout.splitlines()) if m]


def _parse_version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part)


def symbol_floors(bundle: Path) -> dict[str, SymbolFloor]:
    """For GLIBC and GLIBCXX, the newest symbol version that any bundled ELF file imports.
    (Versions a file defines itself do not count: only what the system must provide.)"""
    floors: dict[str, SymbolFloor] = {}
    for path in elf_files(bundle):
        for library, text, symbol in _imports(path):
            version = _parse_version(text)
            current = floors.get(library)
            if current is None or version > current.version:
                relative = path.relative_to(bundle).as_posix()
                floors[library] = SymbolFloor(library, version, relative, symbol)
    return floors


# glibc version -> the oldest common distributions that ship it (or newer), for the README.
DISTRIBUTIONS_BY_GLIBC = (
    ((2, 28), "Debian 10, RHEL/Rocky/Alma 8, Ubuntu 18.10"),
    ((2, 31), "Debian 11, Ubuntu 20.04"),
    ((2, 34), "RHEL/Rocky/Alma 9, Fedora 35"),
    ((2, 35), "Ubuntu 22.04, Linux Mint 21, Fedora 36"),
    ((2, 36), "Debian 12, Fedora 37"),
    ((2, 39), "Ubuntu 24.04, Fedora 40"),
    ((2, 41), "Debian 13, Fedora 42"),
)


def distributions_for(glibc: tuple[int, ...]) -> list[str]:
    """Common distributions whose glibc is at least ``glibc``."""
    return [names for version, names in DISTRIBUTIONS_BY_GLIBC if version >= glibc[:2]]
