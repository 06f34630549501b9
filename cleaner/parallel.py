"""Ordered parallel map over a stream, with bounded memory, for ``cleaner clean --jobs N``.

Items go to worker processes in chunks (fewer round trips); results come back in
input order. At most ``jobs * window`` chunks are in flight, so a stream of any
length is read only as fast as it is processed and memory stays flat. Workers
ignore SIGINT (Ctrl-C reaches the main process, which cancels what is queued) and
exit when the main process is gone.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    """Cores this process may use (its CPU affinity, where the platform tells)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_setup(parent: int) -> None:
    """In each worker: leave Ctrl-C to the main process, and exit when it is gone.

    A main process killed outright (SIGKILL, the OOM killer) cannot stop its workers;
    they notice their parent changed and exit, instead of lingering as orphans.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _apply_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


def map_ordered(func: Callable[[T], R], items: Iterable[T], *, jobs: int, chunk_size: int = 32, window: int = 4) -> Iterator[R]:
    """``map(func, items)`` in ``jobs`` processes (in this one when ``jobs`` is 1), in order.

    ``func`` and the items must pickle (a module-level function, or a ``functools.partial`` of one).
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    iterator = iter(items)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_setup, initargs=(os.getpid(),))
    pending: deque[Future[list[R]]] = deque()
    try:
        while True:
            while len(pending) < jobs * window:
                chunk = list(islice(iterator, chunk_size))
                if not chunk:
                    break
                pending.append(pool.submit(_apply_chunk, func, chunk))
            if not pending:
                break
            yield from pending.popleft().result()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
