"""What reaches a reader stays inert and quiet (issue 23): a closed pipe ends without a
traceback, Markdown carries no live HTML from a page, a terminal sees no raw escapes."""

from __future__ import annotations

import subprocess
import sys

from .conftest import FIXTURES, ROOT

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def test_a_pipe_closed_at_once_ends_without_a_traceback() -> None:
    """`cleaner clean … -f text | true`, with worker processes: the pool's exit must not race."""
    for _ in range(8):
        process = subprocess.Popen(
            [*CLEANER, "clean", str(FIXTURES), "-f", "text", "--jobs", "2", "--no-progress"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first record
        stderr = process.stderr.read().decode("utf-8", "replace")
        process.wait(timeout=120)
        assert "Exception ignored" not in stderr and "Traceback" not in stderr, stderr
        assert process.returncode in (0, 141), stderr


def _slow_square(number: int) -> int:
    import time

    time.sleep(0.2)
    return number * number


def test_a_consumer_that_stops_leaves_no_pool_thread_to_race_the_exit() -> None:
    """The exit hook of a pool still shutting down writes to a pipe its thread is closing;
    a consumer that stops (a closed pipe) must see the pool shut down whole."""
    import threading

    from cleaner.parallel import map_ordered

    results = map_ordered(_slow_square, range(40), jobs=2, chunk_size=1)
    assert next(results) == 0
    results.close()
    assert not [thread for thread in threading.enumerate() if type(thread).__name__ == "_ExecutorManagerThread"]
