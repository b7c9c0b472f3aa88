"""Detecting an outage: many complaints in one zone in a short window."""
from datetime import timedelta


def window_cluster(moments, now, window_hours, threshold):
    """The moments inside (now - window, now] when they are at least
    ``threshold`` of them, else an empty list."""
    if threshold < 1 or window_hours <= 0:
        return []
    since = now - timedelta(hours=window_hours)
    inside = sorted(m for m in moments if since < m <= now)
    return inside if len(inside) >= threshold else []
