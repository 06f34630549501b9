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
from concurrent.futures.process import BrokenProcessPool
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
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool's own terminate() must end a worker

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _apply_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


def map_ordered(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    chunk_size: int = 32,
    window: int = 4,
    on_crash: Callable[[T, BaseException], R] | None = None,
) -> Iterator[R]:
    """``map(func, items)`` in ``jobs`` processes (in this one when ``jobs`` is 1), in order.

    ``func`` and the items must pickle (a module-level function, or a ``functools.partial`` of one).
    A worker that dies (killed for memory, a crash in a C library) takes its pool down;
    with ``on_crash``, the chunks in flight are redone one item at a time in a new pool,
    and an item that kills its worker again gives ``on_crash(item, error)``, so the
    batch goes on.
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    iterator = iter(items)
    pool = _pool(jobs)
    pending: deque[tuple[Future[list[R]], list[T]]] = deque()
    try:
        while True:
            while len(pending) < jobs * window:
                chunk = list(islice(iterator, chunk_size))
                if not chunk:
                    break
                pending.append((pool.submit(_apply_chunk, func, chunk), chunk))
            if not pending:
                break
            future, chunk = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool as error:
                if on_crash is None:
                    raise
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(jobs)
                redo = [chunk, *(waiting for _, waiting in pending)]
                pending.clear()
                for item in (item for part in redo for item in part):
                    result, pool = _one(pool, jobs, func, item, on_crash, error)
                    yield result
                continue
            yield from results
    except GeneratorExit:
        # The consumer stopped (a closed pipe): wait for the chunks in flight, so the pool's
        # own exit hook does not race its manager thread (an "Exception ignored … Bad file
        # descriptor" traceback at exit on Python 3.11).
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_setup, initargs=(os.getpid(),))


def _one(
    pool: ProcessPoolExecutor, jobs: int, func: Callable[[T], R], item: T, on_crash: Callable[[T, BaseException], R], error: BaseException
) -> tuple[R, ProcessPoolExecutor]:
    """One item in its own task; if its worker dies too, ``on_crash`` speaks for it and a new pool follows."""
    try:
        return pool.submit(func, item).result(), pool
    except BrokenProcessPool as again:
        pool.shutdown(wait=False, cancel_futures=True)
        return on_crash(item, again or error), _pool(jobs)
