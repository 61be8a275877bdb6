"""Render the application icon from its SVG into every size and container the platforms use.

::

    uv run python packaging/make_icons.py           # write resources/icons/*
    uv run python packaging/make_icons.py --check   # exit 1 if any file is missing or stale

Qt's own SVG renderer (QtSvg, part of PySide6-Essentials) draws the PNGs; the ``.ico``
(Windows) and ``.icns`` (macOS) containers are written here by hand: both simply hold PNG
images behind a small table of contents, which every Windows since Vista and every macOS
since 10.7 reads. No extra dependency is needed.

``--check`` compares pixels, not bytes, with a tolerance of a few levels per channel, so a
different zlib or PNG encoder does not count as stale, but any change to the drawing does.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
SVG = ICON_DIR / "flashback-desktop.svg"
NAME = "flashback-desktop"

# hicolor theme sizes for Linux desktops (and the window icon); 512 for app stores.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows picks from these for the taskbar, Explorer views and the title bar.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS: OSType -> pixel size ("@2x" types are the Retina variants of the smaller ones).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)
PIXEL_TOLERANCE = 3


def png_path(size: int) -> Path:
    return ICON_DIR / "png" / f"{NAME}-{size}.png"


ICO = ICON_DIR / f"{NAME}.ico"
ICNS = ICON_DIR / f"{NAME}.icns"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # wrong stub: str here
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO file whose images are PNGs (ICONDIR, one ICONDIRENTRY each, then the data)."""
    images = list(pngs)
    offset = 6 + 16 * len(images)
    head = struct.pack("<HHH", 0, 1, len(images))
    entries = b""
    for size, data in images:
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO format
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return head + entries + b"".join(data for _, data in images)


def icns_bytes(pngs: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file: 'icns', the total length, then (OSType, length, PNG data) blocks."""
    blocks = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in pngs)
    return b"icns" + struct.pack(">I", 8 + len(blocks)) + blocks


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """The (size, PNG data) entries of an ICO written by ``ico_bytes``."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if (reserved, kind) != (0, 1):
        raise ValueError("not an ICO file")
    entries = []
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        entries.append((side or 256, data[offset : offset + length]))
    return entries


def read_icns(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (OSType, data) blocks of an ICNS file."""
    if data[:4] != b"icns" or struct.unpack_from(">I", data, 4)[0] != len(data):
        raise ValueError("not an ICNS file, or its length is wrong")
    blocks, position = [], 8
    while position < len(data):
        kind = data[position : position + 4]
        length = struct.unpack_from(">I", data, position + 4)[0]
        blocks.append((kind, data[position + 8 : position + length]))
        position += length
    return blocks


def wanted_files() -> dict[Path, bytes]:
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"Qt cannot read {SVG}")
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    encoded = {size: png_bytes(render(renderer, size)) for size in sizes}
    files = {png_path(size): encoded[size] for size in PNG_SIZES}
    files[ICO] = ico_bytes((size, encoded[size]) for size in ICO_SIZES)
    files[ICNS] = icns_bytes((kind, encoded[size]) for kind, size in ICNS_TYPES)
    return files


def _decoded(data: bytes) -> QImage:
    image = QImage.fromData(data, "PNG")  # type: ignore[arg-type]
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def same_pixels(expected: bytes, actual: bytes) -> bool:
    """Whether two PNGs show the same picture, within PIXEL_TOLERANCE per channel."""
    first, second = _decoded(expected), _decoded(actual)
    if first.isNull() or second.isNull() or first.size() != second.size():
        return False
    a = first.constBits().tobytes()  # type: ignore[union-attr]
    b = second.constBits().tobytes()  # type: ignore[union-attr]
    return max((abs(x - y) for x, y in zip(a, b, strict=True)), default=0) <= PIXEL_TOLERANCE


def _pngs_in(path: Path, data: bytes) -> list[bytes]:
    if path.suffix == ".ico":
        return [png for _, png in read_ico(data)]
    if path.suffix == ".icns":
        return [png for _, png in read_icns(data)]
    return [data]


def stale_files(files: dict[Path, bytes]) -> list[str]:
    """Files missing, or whose images differ from what the SVG renders to now."""
    stale = []
    for path, wanted in files.items():
        if not path.is_file():
            stale.append(f"{path.relative_to(ROOT)} is missing")
            continue
        try:
            expected, actual = _pngs_in(path, wanted), _pngs_in(path, path.read_bytes())
        except (ValueError, struct.error) as exc:
            stale.append(f"{path.relative_to(ROOT)} cannot be read: {exc}")
            continue
        if len(expected) != len(actual) or not all(
            same_pixels(e, a) for e, a in zip(expected, actual, strict=False)
        ):
            stale.append(f"{path.relative_to(ROOT)} differs from the SVG's rendering")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only check the files are current")
    options = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    files = wanted_files()
    if options.check:
        stale = stale_files(files)
        for line in stale:
            print(f"make_icons: {line}", file=sys.stderr)
        if stale:
            print("make_icons: run `uv run python packaging/make_icons.py`", file=sys.stderr)
            return 1
        print(f"make_icons: {len(files)} icon files match {SVG.relative_to(ROOT)}")
        return 0
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
