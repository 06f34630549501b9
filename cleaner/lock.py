"""One writer per output file: an OS lock that a second run on the same file meets.

Two runs writing one output would interleave their records (or, for a WARC, their
bytes). Each run takes an exclusive ``flock`` on a hidden ``.NAME.lock`` file beside
the output before it writes anything; a second run finds the lock held and is refused
with a message naming the run that holds it, instead of writing over it. The lock is
the kernel's: a run killed outright releases it, so a stale lock never blocks a resume.

The lock file is opened without following links (a link planted at the hidden name
is removed, never written through) and removed on release; a run that took the lock
on a file another run was removing checks the name still points to its file and
tries again, so two runs never both hold "the" lock.
"""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no lock, as before
    fcntl = None  # type: ignore[assignment]

#: Open flags for a hidden file of ours: never through a link, never inherited by a child.
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class OutputBusy(OSError):
    """Another run holds the lock of this output."""


def lock_path(path: Path) -> Path:
    """The hidden lock file of ``path``: ``dir/.NAME.lock``."""
    return path.with_name(f".{path.name}.lock")


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


def acquire(path: Path) -> int | None:
    """Take the lock of ``path`` and return its descriptor (None where locks are unavailable).

    Raises ``OutputBusy`` when another run holds it, and ``OSError`` when the lock file
    cannot be made (a link planted at its name gives ``ELOOP``).
    """
    if fcntl is None:
        return None
    name = lock_path(path)
    for _ in range(100):
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o644)
        except OSError as error:
            if error.errno != errno.ELOOP:
                raise
            os.unlink(name)  # a link planted at the name: no run's lock (a lock is a file), so it goes
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            holder = _holder(fd)
            os.close(fd)
            if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise OutputBusy(
                    errno.EBUSY, f"{path} is being written by another run{holder}; wait for it to end, or choose another output"
                ) from None
            raise
        try:
            same = os.stat(name, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:  # not a file the previous holder removed as we opened it
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            return fd
        os.close(fd)
    raise OutputBusy(errno.EBUSY, f"could not take the lock of {path}: it keeps changing hands")


def release(path: Path, fd: int | None) -> None:
    """Drop the lock taken by ``acquire`` and remove its file."""
    if fd is None:
        return
    try:
        os.unlink(lock_path(path))  # while still held: the next run opens a new file
    except OSError:
        pass
    os.close(fd)


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the lock of ``path`` for the block (see ``acquire``)."""
    fd = acquire(path)
    try:
        yield
    finally:
        release(path, fd)
