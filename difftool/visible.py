"""Text from a letter made safe to show: control characters and CI workflow commands defused.

A letter is data from outside. An escape sequence in it (``\\x1b[31m``, ``\\x1b]0;title\\x07``)
would recolour or retitle the reviewer's terminal if printed raw, a carriage return would
overwrite what was printed before it, and a line feed inside one field would start a new line in
a line-oriented log. In a GitHub Actions log a line that starts with ``::`` (after blanks) is a
workflow command, and so is ``##[`` anywhere in a line (the runner's legacy syntax): a letter
could forge annotations. Every face that shows letter text or file names to a person (text,
github, junit, html, the review TUI) passes them through :func:`visible`; JSON escapes the same
characters as ``\\u`` escapes instead (:mod:`difftool.render.jsonout`), so its data stay exact.

Each replaced character becomes exactly one character, so offsets and highlighted spans into the
text stay valid: C0 controls (U+0000-U+001F) and DEL become their Unicode Control Pictures
symbol (ESC ``␛``, BEL ``␇``, CR ``␍``, LF ``␊``); C1 controls (U+0080-U+009F, which have none)
and the Unicode line and paragraph separators become U+FFFD ``�``; the first colon of ``::`` at
the start of the text or of a line becomes ``∶`` (U+2236), the bracket of ``##[`` ``［`` (U+FF3B).
"""

from __future__ import annotations

import re
from functools import lru_cache

CONTROL = "\x00-\x1f\x7f\x80-\x9f\u2028\u2029"
"""The characters :func:`visible` replaces (as a regular-expression character class body)."""


def _symbol(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


@lru_cache(maxsize=8)
def _pattern(keep: str) -> re.Pattern[str]:
    kept = re.escape(keep)
    body = f"[{CONTROL}]" if not keep else f"(?![{kept}])[{CONTROL}]"
    if "\n" in keep:  # a CR that ends a line (CRLF) is a line end too
        body = f"\r(?!\n)|(?!\r)(?:{body})"
    return re.compile(body)


_LINE_COMMAND = re.compile(r"^(\s*):(?=:)", re.M)
"""``::`` at the start of a line, after blanks: a GitHub workflow command."""
_LEGACY_COMMAND = "##["
"""The runner's legacy workflow-command prefix, recognised anywhere in a line."""


def visible(text: str, keep: str = "\t") -> str:
    """``text`` with every control character but those in ``keep`` (by default the tab) shown as
    one visible symbol (with ``\\n`` in ``keep``, a CR before a LF is kept too), and the
    workflow-command prefixes ``::`` (at a line start) and ``##[`` defused."""
    text = _pattern(keep).sub(lambda m: _symbol(m.group()), text)
    text = text.replace(_LEGACY_COMMAND, "##\uff3b")
    return _LINE_COMMAND.sub(lambda m: m.group(1) + "\u2236", text)
