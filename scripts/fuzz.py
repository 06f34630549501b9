#!/usr/bin/env python3
"""A bounded, randomized fuzzing pass over ``cleaner.clean`` (hypothesis).

    python scripts/fuzz.py [--seconds 60]

Round after round until the time is up, hypothesis draws fresh random inputs
(any text, any bytes with any charset, markup soup, messy dumps with every rule)
and checks that ``clean`` returns a normalized article, keeps only paragraphs of
its input, and answers each input within 2 s (a SIGALRM stops a hang). A failure
prints hypothesis's shrunk example and exits 1. The property tests run the same
checks on a fixed set of examples; this pass explores new ones on every run.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleaner import clean  # noqa: E402
from tests.strategies import RULE_NAMES, charset_labels, high_bytes, markup, messy_dump, with_surrogates  # noqa: E402
from tests.test_properties import assert_from_input, assert_normalized  # noqa: E402

PER_INPUT_SECONDS = 2


def _alarm(signum: int, frame: Any) -> None:
    raise TimeoutError(f"clean() took over {PER_INPUT_SECONDS} s on one input")


def bounded_clean(content: str | bytes, **options: Any) -> Any:
    signal.alarm(PER_INPUT_SECONDS)
    try:
        return clean(content, **options)
    finally:
        signal.alarm(0)


sites = st.sampled_from([None, *RULE_NAMES])


def check_text(content: str, site: str | None) -> None:
    assert_normalized(bounded_clean(content, site=site))


def check_bytes(content: bytes, encoding: str | None) -> None:
    assert_normalized(bounded_clean(content, encoding=encoding))


def check_dump(dump: str, site: str | None) -> None:
    article = bounded_clean(dump, site=site)
    assert_normalized(article)
    assert_from_input(article, dump)


TARGETS: dict[str, tuple[Callable[..., None], tuple[Any, ...]]] = {
    "text": (check_text, (st.text(max_size=2000), sites)),
    "bytes": (check_bytes, (st.binary(max_size=4000), charset_labels)),
    "high-bytes": (check_bytes, (high_bytes, charset_labels)),
    "surrogates": (check_text, (with_surrogates, sites)),
    "markup": (check_text, (markup, sites)),
    "dump": (check_dump, (messy_dump, sites)),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    parser.add_argument("--examples", type=int, default=200, help="examples per target per round")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    fuzz_settings = settings(
        max_examples=args.examples, deadline=None, database=None, derandomize=False,
        suppress_health_check=list(HealthCheck), print_blob=True,
    )
    deadline = time.monotonic() + args.seconds
    rounds, examples = 0, 0
    while time.monotonic() < deadline:
        for name, (check, strategies) in TARGETS.items():
            try:
                fuzz_settings(given(*strategies)(check))()
            except Exception as error:  # noqa: BLE001 - report the shrunk failure and stop
                print(f"FAIL ({name}): {type(error).__name__}: {error}", file=sys.stderr)
                for note in getattr(error, "__notes__", ()):
                    print(note, file=sys.stderr)  # hypothesis's shrunk example and its blob
                return 1
            examples += args.examples
        rounds += 1
    print(f"fuzz: {rounds} rounds, about {examples:,} inputs in {args.seconds:.0f} s, no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
