"""Build Flashback Desktop's bundle and this platform's installers into ``dist/``.

::

    python3 -m uv run python packaging/build.py              # bundle + installers
    python3 -m uv run python packaging/build.py --bundle-only
    python3 -m uv run python packaging/build.py --bare-window  # also the benchmark baseline

From a clean checkout (``uv`` installs PyInstaller with the dev dependencies). It runs
PyInstaller on ``packaging/flashback-desktop.spec`` (onedir: ``dist/flashback-desktop/``,
on macOS ``dist/Flashback Desktop.app``), checks the bundle against
``packaging/size-budget.json`` and, on Linux, prints the newest glibc and libstdc++ symbol
versions it needs. Then the installers:

- Linux: ``dist/flashback-desktop-<version>-linux-<arch>.tar.gz`` and
  ``dist/flashback-desktop_<version>_<arch>.deb`` (needs dpkg-dev; Debian and Ubuntu);
- macOS: ``dist/Flashback-Desktop-<version>.dmg`` (hdiutil);
- Windows: ``dist/Flashback-Desktop-<version>.msi`` (WiX Toolset 5: ``wix`` on PATH).

Signing goes between the two halves: ``--bundle-only``, sign the bundle, then
``--installers-only`` (see .github/workflows/release.yml).

The macOS and Windows branches are written but not yet run (see packaging/README.md).
A summary is written to ``dist/build-report.json``. Exit status 1 when anything fails,
the budget included.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_report
import linux_packages

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "flashback-desktop.spec"
BARE_SPEC = ROOT / "packaging" / "bare-window.spec"
EXE_NAME = "flashback-desktop"
APP_BUNDLE = "Flashback Desktop.app"


def log(text: str) -> None:
    print(f"[build] {text}", flush=True)


def shown(path: Path) -> str:
    """A path relative to the checkout when it is inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def project_version() -> str:
    namespace: dict[str, object] = {}
    exec((ROOT / "flashback_desktop" / "__init__.py").read_text(encoding="utf-8"), namespace)  # noqa: S102 - our own file
    return str(namespace["__version__"])


def run_pyinstaller(spec: Path, dist: Path, work: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work / 'pyinstaller'}",
        str(spec),
    ]
    log(f"pyinstaller {spec.name}")
    subprocess.run(command, cwd=ROOT, check=True)


def bundle_folder(dist: Path) -> Path:
    """The folder holding the launcher and ``_internal`` (inside the .app on macOS)."""
    if sys.platform == "darwin":
        return dist / APP_BUNDLE
    return dist / EXE_NAME


def report_linux_floor(bundle: Path, report: dict[str, object]) -> None:
    floors = bundle_report.symbol_floors(bundle)
    glibc = floors.get("GLIBC")
    if glibc is None:
        raise RuntimeError("no GLIBC symbol versions found: is objdump working?")
    log(
        f"newest glibc symbol version needed: {glibc.text} "
        f"({glibc.file}: {glibc.symbol}) -> glibc {'.'.join(map(str, glibc.version))} or newer"
    )
    distributions = bundle_report.distributions_for(glibc.version)
    log(f"  runs on: {'; '.join(distributions) or 'no distribution in the table'}")
    report["glibc"] = {"version": glibc.text, "file": glibc.file, "symbol": glibc.symbol}
    report["distributions"] = distributions
    glibcxx = floors.get("GLIBCXX")
    if glibcxx is not None:
        log(
            f"newest libstdc++ symbol version needed (from the system): {glibcxx.text} "
            f"({glibcxx.file})"
        )
        report["glibcxx"] = {"version": glibcxx.text, "file": glibcxx.file}


def check_size(bundle: Path, report: dict[str, object]) -> list[str]:
    size = bundle_report.measure(bundle)
    budget = bundle_report.load_budget(sys.platform)
    log(
        f"bundle size: {size.megabytes:.1f} MB in {size.files} files "
        f"(budget {budget.max_bytes / 1e6:.1f} MB, {budget.max_files} files)"
    )
    report["size"] = {"bytes": size.total_bytes, "files": size.files}
    return budget.problems(size)


def validate_linux_metadata() -> None:
    """desktop-file-validate and appstreamcli, when installed (CI installs both)."""
    desktop = linux_packages.LINUX_DIR / f"{linux_packages.APP_ID}.desktop"
    metainfo = linux_packages.LINUX_DIR / f"{linux_packages.APP_ID}.metainfo.xml"
    for tool, args in (
        ("desktop-file-validate", [str(desktop)]),
        ("appstreamcli", ["validate", "--no-net", str(metainfo)]),
    ):
        if shutil.which(tool) is None:
            log(f"{tool} not installed: not validated here")
            continue
        subprocess.run([tool, *args], check=True, capture_output=True, text=True)
        log(f"{tool}: ok")


def linux_installers(bundle: Path, dist: Path, work: Path, version: str) -> list[Path]:
    validate_linux_metadata()
    machine = platform.machine()
    tarball = linux_packages.make_tarball(
        bundle, dist / f"{EXE_NAME}-{version}-linux-{machine}.tar.gz"
    )
    log(f"wrote {shown(tarball)}")
    if shutil.which("dpkg-deb") is None or shutil.which("dpkg-shlibdeps") is None:
        raise RuntimeError("the .deb needs dpkg-deb and dpkg-shlibdeps (apt-get install dpkg-dev)")
    deb = linux_packages.make_deb(bundle, version, work, dist)
    log(f"wrote {shown(deb)}")
    return [tarball, deb]


def macos_dmg(dist: Path, version: str) -> list[Path]:
    """Written, not yet run: a compressed disk image holding the .app."""
    output = dist / f"Flashback-Desktop-{version}.dmg"
    output.unlink(missing_ok=True)
    subprocess.run(
        [
            "hdiutil",
            "create",
            "-volname",
            "Flashback Desktop",
            "-srcfolder",
            str(dist / APP_BUNDLE),
            "-fs",
            "HFS+",
            "-format",
            "UDZO",
            "-ov",
            str(output),
        ],
        check=True,
    )
    return [output]


def windows_msi(dist: Path, version: str) -> list[Path]:
    """Written, not yet run: an MSI from packaging/windows/flashback-desktop.wxs (WiX 5)."""
    if shutil.which("wix") is None:
        raise RuntimeError("the MSI needs WiX Toolset 5: dotnet tool install --global wix")
    output = dist / f"Flashback-Desktop-{version}.msi"
    subprocess.run(
        [
            "wix",
            "build",
            str(ROOT / "packaging" / "windows" / "flashback-desktop.wxs"),
            "-arch",
            "x64",
            "-d",
            f"Version={version}",
            "-bindpath",
            f"bundle={dist / EXE_NAME}",
            "-bindpath",
            f"icons={ROOT / 'resources' / 'icons'}",
            "-o",
            str(output),
        ],
        check=True,
    )
    return [output]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the bundle and installers into dist/.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument("--bundle-only", action="store_true", help="skip the installers")
    parser.add_argument(
        "--installers-only",
        action="store_true",
        help="make the installers from the bundle already in --dist (after signing it)",
    )
    parser.add_argument(
        "--bare-window",
        action="store_true",
        help="also freeze tests/benchmarks/bare_window.py (the start-up benchmark's baseline)",
    )
    options = parser.parse_args(argv)
    dist, work = options.dist.resolve(), options.work.resolve()
    version = project_version()
    started = time.monotonic()
    report: dict[str, object] = {"version": version, "platform": sys.platform}

    if not options.installers_only:
        run_pyinstaller(SPEC, dist, work)
        if options.bare_window:
            run_pyinstaller(BARE_SPEC, dist, work)
    bundle = bundle_folder(dist)
    log(f"bundle: {shown(bundle)}")
    problems = check_size(bundle, report)
    if sys.platform == "linux":
        report_linux_floor(bundle, report)

    artifacts: list[Path] = []
    if not options.bundle_only:
        if sys.platform == "linux":
            artifacts = linux_installers(bundle, dist, work, version)
        elif sys.platform == "darwin":
            artifacts = macos_dmg(dist, version)
        elif sys.platform == "win32":
            artifacts = windows_msi(dist, version)
    report["artifacts"] = [p.name for p in artifacts]
    report["seconds"] = round(time.monotonic() - started, 1)
    (dist / "build-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    log(f"done in {report['seconds']} s")
    for problem in problems:
        log(f"SIZE BUDGET EXCEEDED: {problem} (packaging/size-budget.json)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
