"""A sliding-window limit per client address, for the routes a brute force would hammer."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from domain.errors import DomainError


class RateLimited(DomainError):
    code = "rate_limited"

    def __init__(self, retry_after: int) -> None:
        super().__init__("too many attempts, try again later", retry_after=retry_after)
        self.retry_after = retry_after


class SlidingWindowLimiter:
    def __init__(self, limit: int, window_seconds: float) -> None:
        self.limit = limit
        self.window = window_seconds
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        """Counts one attempt from `client`, refusing it past the limit."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits[client]
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                raise RateLimited(retry_after=max(1, int(hits[0] + self.window - now) + 1))
            hits.append(now)
