"""Talking to the Flashback API: an async client, typed models and typed errors. No Qt here."""
