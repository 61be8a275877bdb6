"""The command line: the options a start accepts, checked together."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flashback_desktop import __version__
from flashback_desktop.config import PRODUCTION_SERVER, SERVER_ENV_VAR


@dataclass(frozen=True)
class Options:
    server: str | None
    demo: bool
    exit_after: str | None
    screenshot: Path | None
    debug: bool
    profile_startup: bool = False
    self_test: bool = False
    require_keyring: bool = False


def parse_args(argv: Sequence[str]) -> Options:
    parser = argparse.ArgumentParser(
        prog="flashback-desktop",
        description="Flashback Desktop: your Flashback repositories and AI conversations.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--server",
        metavar="URL",
        help=f"Flashback server to use (default: ${SERVER_ENV_VAR}, the saved setting, "
        f"or {PRODUCTION_SERVER}).",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="Try the app against a built-in demo server; your real sign-in is not touched.",
    )
    parser.add_argument(
        "--exit-after",
        choices=("first-paint", "repos-loaded"),
        help="Exit with status 0 right after this moment (for timing and screenshots).",
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        type=Path,
        help="With --exit-after: save a PNG of the window at that moment.",
    )
    parser.add_argument("--debug", action="store_true", help="Write detailed logs.")
    parser.add_argument(
        "--profile-startup",
        action="store_true",
        help="Print when each start-up phase ended, in milliseconds, to standard error.",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="Check that this copy works here (no display or network needed) and exit.",
    )
    parser.add_argument(
        "--require-keyring",
        action="store_true",
        help="With --self-test: fail without a usable password store, and try one.",
    )
    args = parser.parse_args(argv)
    if args.require_keyring and not args.self_test:
        parser.error("--require-keyring goes with --self-test")
    if args.demo and args.server:
        parser.error("--demo uses the built-in demo server; leave out --server")
    if args.screenshot and not args.exit_after:
        parser.error("--screenshot needs --exit-after")
    return Options(
        server=args.server,
        demo=args.demo,
        exit_after=args.exit_after,
        screenshot=args.screenshot,
        debug=args.debug,
        profile_startup=args.profile_startup,
        self_test=args.self_test,
        require_keyring=args.require_keyring,
    )
