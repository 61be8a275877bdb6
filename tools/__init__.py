"""Developer and build tools (not part of the installed app)."""
