"""Ordered parallel map over a stream, with bounded memory, for ``cleaner clean --jobs N``.

Items go to worker processes in chunks (fewer round trips); results come back in
input order. At most ``jobs * window`` chunks are read ahead, so a stream of any
length is read only as fast as it is processed and memory stays flat. Workers
ignore SIGINT (Ctrl-C reaches the main process, which stops them) and exit when the
main process is gone.

Not ``concurrent.futures.ProcessPoolExecutor``: its shared call queue, feeder thread
and wake-up pipe can deadlock when a worker is killed while the main process is busy
submitting (CPython gh-105829, fixed after 3.11), and a broken pool fails every
pending task. Here each worker has its own pipe and one task at a time, and the main
process waits on the pipes and on the processes' sentinels in one ``wait``.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Callable, Iterable, Iterator, TypeVar

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


class WorkerDied(Exception):
    """A worker process ended while cleaning (killed for memory, a crash in a C library)."""


def _serve(connection: Connection, func: Callable[[Any], Any], parent: int) -> None:
    """A worker: take ``(key, items)`` from the main process, send back ``(key, ok, results)``; None ends it."""
    _worker_setup(parent)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        key, items = task
        try:
            reply: tuple[Any, bool, Any] = (key, True, [func(item) for item in items])
        except Exception as error:  # noqa: BLE001 - re-raised in the main process, as a pool would
            reply = (key, False, error)
        try:
            connection.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            connection.send((key, False, RuntimeError(f"a result that cannot be sent back: {error}")))


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    task: tuple[int, int | None] | None = None  # (chunk, None) or (chunk, item index) while busy


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
    Each worker has a pipe of its own and one chunk at a time; the main process waits on
    the pipes and on the processes themselves, so a worker that dies (killed for memory,
    a crash in a C library, a SIGKILL) is seen at once, whatever the main process was
    doing, and nothing else is shared that a dead worker could leave locked. With
    ``on_crash``, the dead worker's chunk is redone one item at a time in new workers,
    and an item that kills its worker again gives ``on_crash(item, error)``, so the batch
    goes on; without it, ``WorkerDied`` is raised.
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    iterator = iter(items)
    context = multiprocessing.get_context()
    parent = os.getpid()

    def start() -> _Worker:
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, func, parent), daemon=True, name="cleaner-worker")
        process.start()
        theirs.close()
        return _Worker(process, ours)

    workers = [start() for _ in range(jobs)]
    chunks: dict[int, list[T]] = {}  # read and not yet yielded
    results: dict[int, list[R]] = {}
    singles: dict[int, list[Any]] = {}  # a chunk redone item by item: its results so far
    queue: deque[tuple[int, int | None]] = deque()  # tasks waiting for a worker
    read = emitted = 0
    exhausted = False
    try:
        while True:
            while emitted in results:
                yield from results.pop(emitted)
                del chunks[emitted]
                emitted += 1
            for index, worker in enumerate(workers):
                if worker.task is not None:
                    continue
                if not queue and not exhausted and read - emitted < jobs * window:
                    chunk = list(islice(iterator, chunk_size))
                    if chunk:
                        chunks[read] = chunk
                        queue.append((read, None))
                        read += 1
                    else:
                        exhausted = True
                if not queue:
                    break
                task = queue.popleft()
                number, item = task
                payload = chunks[number] if item is None else [chunks[number][item]]
                try:
                    worker.connection.send((task, payload))
                    worker.task = task
                except OSError:  # it died idle: a new one takes the task
                    queue.appendleft(task)
                    workers[index] = _replace(worker, start)
            busy = [worker for worker in workers if worker.task is not None]
            if not busy:
                if exhausted and not queue and emitted == read:
                    break
                continue
            ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy]))
            for index, worker in enumerate(workers):
                if worker.task is None or not (worker.connection in ready or worker.process.sentinel in ready):
                    continue
                task, worker.task = worker.task, None
                try:
                    if not worker.connection.poll():  # its process ended with nothing to read: never wait on its pipe
                        raise EOFError
                    key, ok, value = worker.connection.recv()
                except (EOFError, OSError):  # died: the chunk is redone item by item, an item that kills again is a crash
                    error = WorkerDied(f"worker process ended (exit code {worker.process.exitcode})")
                    workers[index] = _replace(worker, start)
                    number, item = task
                    if on_crash is None:
                        raise error from None
                    if item is None:
                        singles[number] = [_PENDING] * len(chunks[number])
                        queue.extendleft(reversed([(number, i) for i in range(len(chunks[number]))]))
                    else:
                        _settle(singles, results, number, item, on_crash(chunks[number][item], error))
                    continue
                if not ok:
                    raise value
                number, item = key
                if item is None:
                    results[number] = value
                else:
                    _settle(singles, results, number, item, value[0])
    finally:
        _stop(workers)


_PENDING = object()


def _settle(singles: dict[int, list[Any]], results: dict[int, list[Any]], number: int, item: int, value: Any) -> None:
    """One item of a chunk redone alone is done; the chunk is, when all its items are."""
    done = singles[number]
    done[item] = value
    if all(result is not _PENDING for result in done):
        results[number] = singles.pop(number)


def _replace(worker: _Worker, start: Callable[[], _Worker]) -> _Worker:
    """A new worker in place of one that died."""
    worker.connection.close()
    worker.process.join(timeout=1)
    return start()


def _stop(workers: list[_Worker]) -> None:
    """End the workers: idle ones are asked to leave, busy ones (an interruption) are killed."""
    for worker in workers:
        try:
            if worker.task is None:
                worker.connection.send(None)
            else:
                worker.process.kill()
        except OSError:
            pass
    for worker in workers:
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.connection.close()
