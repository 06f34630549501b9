"""What a resumable run was made from, so ``--resume`` continues only the same run.

A journal lists the sources already written; if the inputs changed since (a record
inserted at the top shifts every ``file:line``, another file named, a file rewritten)
or the options differ, skipping those sources would drop records and mix old content
with new. The journal's first entry therefore records the run's *fingerprint*: every
input file the run reads (after walking folders) with its size and modification time,
and the options that shape the output. A resume compares it with its own and is refused
with the differences when they do not match.
"""

from __future__ import annotations

import os
from typing import Any, Iterable

#: Differences listed in a refusal; the rest are counted.
SHOWN = 5


def fingerprint(files: Iterable[str], options: dict[str, Any]) -> dict[str, Any]:
    """The run's inputs (path, size, modification time in ns) and its output-shaping options.

    Standard input (``-``) is recorded by name: its content cannot be checked.
    """
    listed: list[list[Any]] = []
    for name in files:
        if name == "-":
            listed.append([name, None, None])
            continue
        try:
            status = os.stat(name)
            listed.append([os.path.abspath(name), status.st_size, status.st_mtime_ns])
        except OSError:
            listed.append([os.path.abspath(name), None, None])
    return {"inputs": listed, "options": dict(options)}


def differences(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What differs between the fingerprint an interrupted run journaled and this run's, in words."""
    found: list[str] = []
    old_inputs = {entry[0]: entry for entry in before.get("inputs") or []}
    new_inputs = {entry[0]: entry for entry in now.get("inputs") or []}
    for name in new_inputs.keys() - old_inputs.keys():
        found.append(f"{name} is an input now, not in the interrupted run")
    for name in old_inputs.keys() - new_inputs.keys():
        found.append(f"{name} was an input of the interrupted run, not now")
    for name in old_inputs.keys() & new_inputs.keys():
        _, old_size, old_time = old_inputs[name]
        _, new_size, new_time = new_inputs[name]
        if old_size != new_size:
            found.append(f"{name} changed: {_size(old_size)} then, {_size(new_size)} now")
        elif old_time != new_time:
            found.append(f"{name} was modified since the interrupted run")
    if not found and [e[0] for e in before.get("inputs") or []] != [e[0] for e in now.get("inputs") or []]:
        found.append("the inputs are named in another order")
    old_options, new_options = before.get("options") or {}, now.get("options") or {}
    for key in sorted(old_options.keys() | new_options.keys()):
        if old_options.get(key) != new_options.get(key):
            found.append(f"{key} was {old_options.get(key)!r}, now {new_options.get(key)!r}")
    if len(found) > SHOWN:
        found = [*found[:SHOWN], f"and {len(found) - SHOWN} more differences"]
    return found


def _size(size: Any) -> str:
    return "missing" if size is None else f"{size:,} bytes"
