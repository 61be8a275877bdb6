"""What goes into the bundle from Qt, and what stays out: the rules the specs apply.

PyInstaller's PySide6 hooks collect every plugin type and translation that QtGui, QtCore
and QtNetwork are associated with, and every library those plugins link to (QtQuick for
the virtual keyboard, QtPdf for the PDF image format, GTK for the gtk3 theme...). The app
uses QtCore, QtGui, QtWidgets, QtNetwork (QLocalSocket) and, through plugins, QtSvg and
QtDBus. These rules keep what a real desktop needs and drop the rest; the reasons are in
packaging/README.md. Imported by the .spec files (PyInstaller puts SPECPATH on sys.path
for us explicitly) and by nothing at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

Binary = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, typecode)
ImportsOf = Callable[[str], Iterable[tuple[str, str | None]]]

# Python modules of PySide6 the app never imports; excluding them keeps their hooks from
# running at all. (Essentials ships more; those without bindings here never get collected.)
UNUSED_QT_MODULES = (
    "Concurrent",
    "DBus",  # the C++ library stays: the xdg-desktop-portal theme plugin links it
    "Designer",
    "Help",
    "OpenGL",
    "OpenGLWidgets",
    "PrintSupport",
    "Qml",
    "Quick",
    "Quick3D",
    "QuickControls2",
    "QuickTest",
    "QuickWidgets",
    "Sql",
    "Svg",  # the C++ library stays: the SVG image and icon plugins link it
    "SvgWidgets",
    "Test",
    "UiTools",
    "Xml",
    "Pdf",
    "PdfWidgets",
    "WebEngineCore",
    "WebEngineWidgets",
    "WebEngineQuick",
    "WebChannel",
    "WebSockets",
    "Multimedia",
    "MultimediaWidgets",
    "Charts",
    "DataVisualization",
    "Graphs",
    "NetworkAuth",
    "Positioning",
    "Bluetooth",
    "Nfc",
    "SerialPort",
    "SerialBus",
    "RemoteObjects",
    "Scxml",
    "StateMachine",
    "TextToSpeech",
    "HttpServer",
    "Location",
    "SpatialAudio",
    "Sensors",
    "WebView",
    "3DCore",
    "3DRender",
    "3DInput",
    "3DLogic",
    "3DExtras",
    "3DAnimation",
    "AxContainer",
)

EXCLUDED_MODULES = (
    *(f"PySide6.Qt{name}" for name in UNUSED_QT_MODULES),
    "tkinter",
    "_tkinter",
    # uvicorn's optional servers and reloaders; the sandbox runs h11 over asyncio only.
    "uvicorn.workers",
    "uvicorn.supervisors.watchfilesreload",
    "uvicorn.supervisors.watchgodreload",
)

# Plugin folder -> the plugins kept (file stem without "lib"/"q" variations: matched by
# substring of the file name). A folder not listed is dropped entirely.
KEPT_PLUGINS: dict[str, tuple[str, ...]] = {
    # xcb for X11, wayland for Wayland sessions, offscreen for --self-test and CI.
    # Windows and macOS have one each.
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"),
    # OpenGL on X11 (GLX and EGL): Qt loads one when a window needs GL compositing.
    "xcbglintegrations": ("qxcb-glx-integration", "qxcb-egl-integration"),
    # Wayland: xdg-shell is how every current compositor places windows; wl-shell, ivi and
    # fullscreen-shell serve embedded compositors only.
    "wayland-shell-integration": ("xdg-shell",),
    # Title bars where the compositor draws none (GNOME): adwaita looks native, bradient is
    # Qt's fallback.
    "wayland-decoration-client": ("adwaita", "bradient"),
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
    # Dark/light scheme, accent and file dialogs from the desktop, over D-Bus: no GTK inside.
    "platformthemes": ("qxdgdesktopportal",),
    # Dead keys and the compose key (ñ, ü, ß on other layouts), and IBus input methods.
    "platforminputcontexts": ("composeplatforminputcontext", "ibusplatforminputcontext"),
    # The icon is an SVG; ICO and ICNS are its Windows and macOS containers. PNG is built in.
    "imageformats": ("qsvg", "qico", "qicns"),
    "iconengines": ("qsvgicon",),
    # Windows: the native look. macOS: the native style is built into qcocoa.
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle"),
}

# Qt's own translations (standard buttons, dialogs, shortcuts) for the languages the app
# ships besides English (Qt's built-in language): Spanish and German. The "qt_xx" files are
# only catalogues that pull in the other Qt modules' translations; qtbase is the one used.
KEPT_QT_TRANSLATIONS = ("qtbase_de.qm", "qtbase_es.qm")


# Linux: libraries every desktop already has, taken from the system the app runs on rather
# than copied from the build machine. A copied libstdc++ or libgcc_s older than the system's
# breaks the GPU driver that libGL loads ("GLIBCXX_3.4.32 not found"); copied fontconfig and
# freetype misread newer font configurations; copied GLib, D-Bus and X11 libraries must match
# the running desktop. The .deb depends on the packages that hold them; for the .tar.gz
# they are listed in packaging/README.md. Matched by the start of the file name (soname).
LINUX_SYSTEM_LIBRARIES = (
    # C and C++ runtime
    "libstdc++.so",
    "libgcc_s.so",
    # X11 and the core xcb libraries that come with every X server
    "libX11.so",
    "libX11-xcb.so",
    "libXau.so",
    "libXdmcp.so",
    "libxcb.so",
    "libxcb-glx.so",
    "libxcb-randr.so",
    "libxcb-render.so",
    "libxcb-shape.so",
    "libxcb-shm.so",
    "libxcb-sync.so",
    "libxcb-xfixes.so",
    "libxcb-xkb.so",
    "libxcb-xinerama.so",
    "libxcb-xinput.so",
    "libxkbcommon.so",
    "libxkbcommon-x11.so",
    # OpenGL / EGL (the GPU driver's own) and Wayland
    "libGL.so",
    "libEGL.so",
    "libGLX.so",
    "libGLdispatch.so",
    "libOpenGL.so",
    "libdrm.so",
    "libgbm.so",
    "libwayland-",
    # fonts
    "libfontconfig.so",
    "libfreetype.so",
    "libpng16.so",
    "libbrotli",
    "libexpat.so",
    "libharfbuzz.so",
    "libgraphite2.so",
    "libz.so",
    # GLib (Qt's event dispatcher), D-Bus (keyring, portal) and what they link
    "libglib-2.0.so",
    "libgthread-2.0.so",
    "libgobject-2.0.so",
    "libgio-2.0.so",
    "libpcre2-8.so",
    "libdbus-1.so",
    "libsystemd.so",
    "libcap.so",
    "libgcrypt.so",
    "libgpg-error.so",
    "liblz4.so",
    "liblzma.so",
    "libzstd.so",
    "libbsd.so",
    "libmd.so",
    # Kerberos, which QtNetwork links for proxy authentication
    "libgssapi_krb5.so",
    "libkrb5.so",
    "libkrb5support.so",
    "libk5crypto.so",
    "libcom_err.so",
    "libkeyutils.so",
    "libresolv.so",
)


def from_the_system(dest: str, platform: str) -> bool:
    """Whether a collected library is one the Linux desktop provides (see above)."""
    if platform != "linux":
        return False
    name = PurePosixPath(dest.replace("\\", "/")).name
    return qt_part(dest) is None and name.startswith(LINUX_SYSTEM_LIBRARIES)


def without_dangling_links(entries: list[Binary], collected: list[Binary]) -> list[Binary]:
    """``entries`` without PyInstaller's symlinks (next to the executable, for libraries
    kept in their package's folder) whose target is not among ``collected`` any more."""
    kept = {dest.replace("\\", "/") for dest, _, kind in collected if kind != "SYMLINK"}
    result = []
    for dest, src, kind in entries:
        if kind == "SYMLINK":
            target = PurePosixPath(dest.replace("\\", "/")).parent / src.replace("\\", "/")
            if _normalised(target) not in kept:
                continue
        result.append((dest, src, kind))
    return result


def _normalised(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def qt_part(dest: str) -> tuple[str, ...] | None:
    """The path below PySide6's Qt folder (``("plugins", "platforms", "libqxcb.so")``)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    for index in range(len(parts) - 1):
        if parts[index] == "PySide6" and parts[index + 1] == "Qt":
            return parts[index + 2 :]
    if parts and parts[0] == "PySide6":  # Windows wheels: PySide6/plugins, PySide6/translations
        return parts[1:]
    return None


def keep_plugin(dest: str) -> bool:
    """Whether a collected file is kept, judged only when it is a Qt plugin."""
    part = qt_part(dest)
    if part is None or len(part) < 3 or part[0] != "plugins":
        return True
    folder, name = part[1], part[-1].lower()
    return any(stem in name for stem in KEPT_PLUGINS.get(folder, ()))


def keep_translation(dest: str) -> bool:
    part = qt_part(dest)
    if part is None or len(part) < 2 or part[0] != "translations":
        return True
    return part[-1] in KEPT_QT_TRANSLATIONS


def keep_data(dest: str) -> bool:
    part = qt_part(dest)
    if part is not None and part[:1] in (("qml",), ("metatypes",), ("include",)):
        return False
    return keep_translation(dest)


def _base(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).name.lower()


def _is_plugin(dest: str) -> bool:
    return "plugins" in PurePosixPath(dest.replace("\\", "/")).parts


def _reached(entries: list[Binary], imports_of: ImportsOf) -> set[str]:
    """Library names linked, directly or not, from the extension modules and plugins."""
    by_name = {_base(dest): src for dest, src, _ in entries}
    stack = [_base(dest) for dest, _, kind in entries if kind == "EXTENSION" or _is_plugin(dest)]
    reached: set[str] = set()
    while stack:
        name = stack.pop()
        if name in reached or name not in by_name:
            continue
        reached.add(name)
        stack.extend(_base(imported) for imported, _ in imports_of(by_name[name]))
    return reached


def orphaned_libraries(
    before: list[Binary], after: list[Binary], imports_of: ImportsOf
) -> set[str]:
    """Libraries that only the removed plugins needed (QtQuick for the virtual keyboard,
    QtPdf for the PDF image format, GTK for the gtk3 theme): reached from the collected
    extension modules and plugins before the rules ran, and no longer after.

    Libraries that nothing links to (the Python library, which the bootloader loads, and
    anything loaded with dlopen or ctypes) are never touched.
    ``imports_of`` is ``PyInstaller.depend.bindepend.get_imports``.
    """
    needed_now = _reached(after, imports_of)
    needed_before = _reached(before, imports_of)
    return {
        dest
        for dest, _, kind in after
        if kind == "BINARY"
        and not _is_plugin(dest)
        and _base(dest) in needed_before
        and _base(dest) not in needed_now
    }
