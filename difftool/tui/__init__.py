"""The review TUI: a Textual face on the engine's Comparison. Nothing outside this package (and
the CLI's ``review`` command) imports Textual."""
