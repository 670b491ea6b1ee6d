"""The API's rate limits (ID-7) counted in the database, one statement per limit.

DRF's throttles keep each client's request history in the cache and write it back on every
request; with the cache in the database table (so that every web process counts together)
that is six queries per limit, a `COUNT(*)` of the whole table on each write, and histories
erased whenever the table is culled. Here each limit is a fixed window: one
``INSERT … ON CONFLICT … DO UPDATE … RETURNING`` adds the request to the client's current
window and returns its count, atomically under concurrency, on PostgreSQL and SQLite alike.
A client may send up to twice the rate across a window boundary, the usual price of fixed
windows.
"""

from django.db import connection
from rest_framework import throttling

from core.lockout import Key

# The model's own table (its Meta names it), so the statement is a constant.
COUNT_HIT_SQL = (
    "INSERT INTO core_ratewindow (key, window_start, hits) VALUES (%s, %s, 1) "
    "ON CONFLICT (key, window_start) DO UPDATE SET hits = core_ratewindow.hits + 1 "
    "RETURNING hits"
)


def count_hit(key: str, window_start: int) -> int:
    """Add one request to `key`'s window starting at `window_start`; return its count."""
    with connection.cursor() as cursor:
        cursor.execute(COUNT_HIT_SQL, [key[:200], window_start])
        return cursor.fetchone()[0]


class WindowCounterThrottle(throttling.SimpleRateThrottle):
    """DRF's `SimpleRateThrottle` with a window count instead of the cache-backed history.
    The rate throttles below put it after their DRF class, so that a class which settles its
    rate in `allow_request` (the scoped one) does so before counting."""

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration) * self.duration
        self.window_ends = window + self.duration
        # Stored keyed-hashed, like the lockout counters: the table holds no addresses or ids.
        hashed = Key("rate", self.key).hashed
        return count_hit(hashed, window) <= self.num_requests

    def wait(self):
        return max(self.window_ends - self.now, 0)


class AnonRateThrottle(throttling.AnonRateThrottle, WindowCounterThrottle):
    pass


class UserRateThrottle(throttling.UserRateThrottle, WindowCounterThrottle):
    pass


class ScopedRateThrottle(throttling.ScopedRateThrottle, WindowCounterThrottle):
    pass
