"""What the four command lines (``vbvr``, ``vbvr-factory``, ``vbvr-bench``, ``vbvr-trainer``) share: the
usage error (exit 2), deprecated flag spellings, the seed bound and output-folder checks.

The vocabulary, the same everywhere: a count of samples is ``--count``, a folder of samples ``--samples``,
an output ``--out`` (``--force`` to write over what a command did not write), parallelism ``--workers``,
a seed ``--seed`` in ``[0, 2^63)``. An old spelling keeps working for one release, with a deprecation
message on stderr (:func:`deprecated`).
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from vbvr_core.pipeline.seeds import SEED_BITS

if TYPE_CHECKING:
    from rich.console import Console

MAX_SEED = (1 << SEED_BITS) - 1  # the registry's bound too: 0 ≤ seed < 2^63
SEED_HELP = f"0 ≤ seed ≤ 2^{SEED_BITS}-1"
Value = TypeVar("Value")


@functools.cache
def stdout_console() -> Console:
    """The rich console of standard output, made on first use: a command that styles nothing never loads rich."""
    from rich.console import Console

    return Console()


@functools.cache
def stderr_console() -> Console:
    """The rich console of standard error (progress, warnings, errors); a path or a fix is never broken mid-word."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def escape(text: str) -> str:
    """``text`` with rich markup escaped, for printing names and messages that may contain ``[``."""
    from rich.markup import escape as escape_markup

    return escape_markup(text)


def fail_usage(message: str) -> typer.Exit:
    """Print ``message`` to stderr and return an exit-2 (bad usage) exception to raise.

    The message names the bad input and the fix, in one paragraph: ``raise fail_usage(f"--out {out}: ...")``;
    a message of several lines (several problems) gets ``error:`` before each.
    """
    for line in message.splitlines() or [message]:
        stderr_console().print(f"[bold red]error:[/] {escape(line)}", highlight=False)
    return typer.Exit(code=2)


def deprecated(new_flag: str, new_value: Value, old_flag: str, old_value: Value | None,
               default: Value) -> Value:
    """The value of an option that had another spelling: ``new_value`` unless only ``old_flag`` was given.

    Giving the old spelling prints ``warning: OLD is deprecated ... use NEW`` to stderr (it is removed in the
    next release); giving both with different values is a usage error. ``new_value`` is None when the
    new flag was not given; ``default`` is then used.
    """
    if old_value is None:
        return default if new_value is None else new_value
    stderr_console().print(f"[yellow]warning:[/] {escape(old_flag)} is deprecated and will be removed in the next "
                           f"release; use {new_flag}", highlight=False)
    if new_value is not None and new_value != old_value:
        raise fail_usage(f"{old_flag} {old_value} and {new_flag} {new_value} disagree; give {new_flag} only")
    return old_value


def writable_folder(path: Path, flag: str) -> Path:
    """Create ``path`` (and its parents) and prove a file can be written in it; else exit 2 naming the flag.

    Called before any work is done, so an unwritable output fails at once instead of after the work.
    """
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".vbvr-write-check-"):
            pass
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise fail_usage(f"{flag} {path}: cannot write there ({reason}). Fix: give a folder you can write to, "
                         "or change its permissions") from None
    if not os.access(path, os.W_OK):
        raise fail_usage(f"{flag} {path}: the folder is not writable. Fix: give a folder you can write to")
    return path


def refuse_existing(paths: list[Path], flag: str, out: Path, what: str) -> None:
    """Exit 2 when any of ``paths`` (outputs about to be written) already exists and was not ours to replace.

    ``what`` names the things (e.g. "sample folders"); the message lists a few and says ``--force``.
    """
    existing = [path for path in paths if os.path.lexists(path)]
    if not existing:
        return
    shown = ", ".join(str(path) for path in existing[:3]) + (" ..." if len(existing) > 3 else "")
    raise fail_usage(f"{flag} {out} already holds {len(existing)} of the {len(paths)} {what} this command would "
                     f"write ({shown}); they already exist and were not written by this run. Fix: choose an empty "
                     "folder, or add --force to overwrite them")
