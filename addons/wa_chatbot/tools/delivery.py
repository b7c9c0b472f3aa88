"""Sending rules: which Graph API errors are retried, and when."""
import datetime

# Throughput limits: 130429 (cloud API rate), 131056 (pair rate: one
# recipient too often), 131048 (spam rate), 80007 (WABA rate limit).
RATE_LIMIT_CODES = frozenset([130429, 131056, 131048, 80007, 4, 80007])
RETRYABLE_HTTP = frozenset([408, 429, 500, 502, 503, 504])


def is_retryable(status_code=None, error_code=None):
    """An answer worth retrying later: a throughput limit, a server error,
    or no answer at all (``status_code`` None: timeout, connection refused)."""
    if error_code is not None:
        try:
            if int(error_code) in RATE_LIMIT_CODES:
                return True
        except (TypeError, ValueError):
            pass
    if status_code is None:
        return True
    return status_code in RETRYABLE_HTTP or status_code >= 500


def backoff_seconds(attempt, base=30, cap=3600):
    """Exponential backoff: ``base`` after the first failed attempt, doubled
    after each further one, never more than ``cap``."""
    attempt = max(1, int(attempt))
    return min(cap, base * (2 ** (attempt - 1)))


def next_attempt(now, attempt, base=30, cap=3600):
    return now + datetime.timedelta(seconds=backoff_seconds(attempt, base, cap))


def rate_limited(recent_count, limit):
    """True when a phone that already sent ``recent_count`` messages in the
    window may not send one more. A limit of 0 disables the check."""
    return bool(limit) and recent_count >= limit


def within_window(last_inbound, now, hours=24):
    """WhatsApp's customer service window: free-form messages may be sent
    only within 24 hours of the customer's last message."""
    if not last_inbound:
        return False
    return now - last_inbound < datetime.timedelta(hours=hours)


def outside_office_hours(local_dt, hour_from, hour_to, workdays=(0, 1, 2, 3, 4)):
    """True when ``local_dt`` (in the office's time zone) falls outside the
    office hours (``hour_from``/``hour_to`` as float hours, e.g. 7.5)."""
    if local_dt.weekday() not in workdays:
        return True
    hour = local_dt.hour + local_dt.minute / 60.0 + local_dt.second / 3600.0
    return not (hour_from <= hour < hour_to)


def graph_error(status_code, payload):
    """Extract ``(code, message)`` from a Graph API error answer."""
    if isinstance(payload, dict) and isinstance(payload.get("error"), dict):
        err = payload["error"]
        return err.get("code"), err.get("message") or ""
    return None, "HTTP %s" % status_code
