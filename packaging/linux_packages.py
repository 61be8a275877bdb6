"""Linux installers from the onedir bundle: a ``.tar.gz`` and a ``.deb``.

The ``.deb`` is built with Debian's own tools: ``dpkg-shlibdeps`` works out ``Depends``
from the libraries the bundle's ELF files link to and that it does not carry itself (with
the minimum versions from Debian's symbol files, ``libc6 (>= 2.35)`` included), and
``dpkg-deb`` writes the archive, owned by root, without needing fakeroot. It installs:

- ``/opt/flashback-desktop/``: the bundle;
- ``/usr/bin/flashback-desktop``: a symlink to its launcher (PyInstaller's launcher finds
  its files through /proc/self/exe, so the link works from anywhere);
- ``/usr/share/applications/tech.flashback.FlashbackDesktop.desktop``, the icons under
  ``/usr/share/icons/hicolor``, ``/usr/share/metainfo/...metainfo.xml`` (software centres),
  and ``/usr/share/doc/flashback-desktop/copyright``.

No maintainer scripts: Debian's triggers refresh the icon cache and the desktop database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

PACKAGE = "flashback-desktop"
APP_ID = "tech.flashback.FlashbackDesktop"
ROOT = Path(__file__).resolve().parent.parent
LINUX_DIR = ROOT / "packaging" / "linux"
ICON_DIR = ROOT / "resources" / "icons"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
INSTALL_DIR = f"/opt/{PACKAGE}"
MAINTAINER = "Flashback <support@flashback.tech>"
# Always wanted, though no ELF file names them: the CA store that truststore reads (see
# api/tls.py), and a Secret Service for the keyring (GNOME Keyring or KWallet both work).
EXTRA_DEPENDS = "ca-certificates"
RECOMMENDS = "gnome-keyring | kwalletmanager | keepassxc, xdg-desktop-portal"

DESCRIPTION = """\
Description: Desktop client for the Flashback platform
 Flashback Desktop lists the repositories you can reach on the Flashback
 platform and starts a new AI conversation for the one you pick. Sign-ins
 are kept in the system's password store (Secret Service).
 .
 The application is a self-contained bundle installed under /opt/flashback-desktop.
"""

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Flashback Desktop
Source: https://flashback.tech

Files: *
Copyright: Flashback
License: proprietary
 All rights reserved. The bundle contains Qt and PySide6 (LGPL-3.0), Python
 (PSF-2.0) and other free software under their own licences, found in the
 bundle's _internal folder next to each component.
"""


def shared_files(prefix: Path) -> list[tuple[Path, Path]]:
    """(source, destination under ``prefix``) for the desktop entry, metainfo and icons."""
    share = prefix / "share"
    files = [
        (LINUX_DIR / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop"),
        (LINUX_DIR / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml"),
        (
            ICON_DIR / "flashback-desktop.svg",
            share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        ),
    ]
    for size in HICOLOR_SIZES:
        source = ICON_DIR / "png" / f"flashback-desktop-{size}.png"
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        files.append((source, target))
    return files


def make_tarball(bundle: Path, output: Path) -> Path:
    """The onedir folder as ``flashback-desktop/``, with ``share/`` (desktop entry, icons,
    metainfo) inside it for whoever installs it by hand."""

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    output.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(output, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=PACKAGE, filter=owned_by_root)
        for source, target in shared_files(Path(PACKAGE)):
            archive.add(source, arcname=target.as_posix(), filter=owned_by_root)
    return output


def debian_architecture() -> str:
    result = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def shlib_depends(stage: Path, package_root: Path) -> str:
    """``Depends`` for the system libraries the bundle links to, from dpkg-shlibdeps.

    It runs in ``stage``, which holds the ``debian/control`` it insists on, with the package
    tree in ``debian/<package>/``. ``-l`` names the bundle's folders as installed
    (``/opt/...``): dpkg-shlibdeps looks for them inside the package tree, so the libraries
    the bundle carries count as its own and only the system's become dependencies.
    """
    elves = [p.relative_to(stage) for p in _elf_files(package_root)]
    installed_folders = sorted(
        {"/" + p.parent.relative_to(package_root).as_posix() for p in (stage / e for e in elves)}
    )
    command = [
        "dpkg-shlibdeps",
        "-O",
        "--ignore-missing-info",
        "--warnings=1",  # only "library not found"; "useless dependency" is Qt's business
        *(f"-l{folder}" for folder in installed_folders),
        *(f"-e{path}" for path in elves),
    ]
    result = subprocess.run(command, cwd=stage, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"dpkg-shlibdeps failed:\n{result.stderr}")
    for line in result.stdout.splitlines():
        if line.startswith("shlibs:Depends="):
            return line.removeprefix("shlibs:Depends=")
    raise RuntimeError(f"dpkg-shlibdeps printed no Depends line:\n{result.stdout}")


def _installed_size_kib(folder: Path) -> int:
    total = sum(p.lstat().st_size for p in folder.rglob("*"))
    return (total + 1023) // 1024


def make_deb(bundle: Path, version: str, work: Path, output_dir: Path) -> Path:
    """Build ``flashback-desktop_<version>_<arch>.deb`` into ``output_dir``."""
    stage = work / "deb"
    if stage.exists():
        shutil.rmtree(stage)
    package_root = stage / "debian" / PACKAGE
    (stage / "debian").mkdir(parents=True)
    # dpkg-shlibdeps reads the source package's control file, whatever it holds.
    (stage / "debian" / "control").write_text(
        f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n", encoding="utf-8"
    )
    opt = package_root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    (package_root / "usr" / "bin").mkdir(parents=True)
    (package_root / "usr" / "bin" / PACKAGE).symlink_to(f"{INSTALL_DIR}/{PACKAGE}")
    for source, target in shared_files(package_root / "usr"):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    doc = package_root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")

    depends = shlib_depends(stage, package_root)
    architecture = debian_architecture()
    control = (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {architecture}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {_installed_size_kib(package_root)}\n"
        f"Depends: {depends}, {EXTRA_DEPENDS}\n"
        f"Recommends: {RECOMMENDS}\n"
        "Section: net\n"
        "Priority: optional\n"
        "Homepage: https://flashback.tech\n"
        f"{DESCRIPTION}"
    )
    meta = package_root / "DEBIAN"
    meta.mkdir()
    (meta / "control").write_text(control, encoding="utf-8")
    for path in [package_root, *package_root.rglob("*")]:
        if not path.is_symlink():  # dpkg-deb wants 0755 folders and no group/other write bits
            mode = path.stat().st_mode
            os.chmod(path, (mode | 0o755) if path.is_dir() else (mode & 0o755) | 0o644)
    output_dir.mkdir(parents=True, exist_ok=True)
    output = output_dir / f"{PACKAGE}_{version}_{architecture}.deb"
    subprocess.run(
        [
            "dpkg-deb",
            "--root-owner-group",
            "-Zxz",
            "-z3",
            "--build",
            str(package_root),
            str(output),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return output
