"""robots.txt per RFC 9309, parsed by protego, cached per host.

* 2xx: the rules apply (the most specific match wins: protego implements this).
* 4xx (including 404): no restrictions.
* 5xx, or no answer at all: everything is disallowed for now, and asked again
  after ``robots_retry`` seconds ("retry later").
* An answer is trusted for ``robots_ttl`` seconds (at most 24 h).
"""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego


@dataclass(frozen=True)
class RobotsAnswer:
    """What one robots.txt fetch said, and until when it holds (monotonic seconds)."""

    rules: Protego | None  # None: no restrictions, or (``unavailable``) nothing allowed
    unavailable: str | None  # why everything is disallowed for now, e.g. "robots.txt answered 503"
    expires: float

    def allows(self, url: str, agent: str) -> bool:
        if self.unavailable:
            return False
        return self.rules is None or self.rules.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        if self.rules is None:
            return None
        delay = self.rules.crawl_delay(agent)
        return float(delay) if delay is not None else None


def answer_from_response(status: int | None, body: bytes, *, now: float, ttl: float, retry: float, error: str | None = None) -> RobotsAnswer:
    """The robots answer for a fetch that gave ``status`` and ``body`` (status None: no answer)."""
    if status is None or status >= 500:
        why = f"robots.txt answered {status}" if status is not None else f"robots.txt unreachable ({error or 'no answer'})"
        return RobotsAnswer(None, why, now + retry)
    if status >= 400:
        return RobotsAnswer(None, None, now + ttl)
    if status >= 300:  # redirects are followed by the caller; one left here is a dead end
        return RobotsAnswer(None, None, now + ttl)
    text = body.decode("utf-8-sig", errors="replace")  # a byte-order mark would hide the first group
    return RobotsAnswer(Protego.parse(text), None, now + ttl)
