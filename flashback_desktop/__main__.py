"""Allows ``python -m flashback_desktop``."""

import sys

from flashback_desktop.app import main

sys.exit(main())
