"""Flashback Desktop: a desktop client for the Flashback platform."""

__version__ = "0.1.0"
