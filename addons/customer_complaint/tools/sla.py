"""SLA deadline arithmetic, independent of Odoo.

A *schedule* maps a weekday (0 = Monday) to a list of (hour_from, hour_to)
working intervals in local time, hours as floats (7.5 = 07:30). ``None`` as a
schedule means "around the clock". ``holidays`` is a set of ``date`` objects on
which nobody works.
"""
from datetime import datetime, timedelta

ON_TIME = 'on_time'
AT_RISK = 'at_risk'
BREACHED = 'breached'

_MAX_DAYS = 3660


def _check_hours(hours):
    if hours is None or hours < 0:
        raise ValueError("hours must be zero or positive, got %r" % (hours,))


def _day_intervals(day, schedule, holidays):
    """Working intervals (datetime, datetime) of one calendar day."""
    if day in holidays:
        return []
    base = datetime(day.year, day.month, day.day)
    result = []
    for hour_from, hour_to in sorted(schedule.get(day.weekday(), ())):
        if hour_to <= hour_from:
            continue
        result.append((base + timedelta(hours=hour_from),
                       base + timedelta(hours=hour_to)))
    return result


def _has_work(schedule):
    return any(to > frm for ivs in schedule.values() for frm, to in ivs)


def add_hours(start, hours, schedule=None, holidays=()):
    """The moment ``hours`` working hours after ``start``."""
    _check_hours(hours)
    if schedule is None:
        return start + timedelta(hours=hours)
    if not _has_work(schedule):
        raise ValueError("the working schedule has no working hours")
    holidays = set(holidays)
    remaining = timedelta(hours=hours)
    day = start.date()
    for _i in range(_MAX_DAYS):
        for begin, end in _day_intervals(day, schedule, holidays):
            if end <= start:
                continue
            begin = max(begin, start)
            available = end - begin
            if remaining <= available:
                if not remaining and begin > start:
                    return begin
                return begin + remaining
            remaining -= available
        day += timedelta(days=1)
    raise ValueError("no working time found within ten years")


def hours_between(start, end, schedule=None, holidays=()):
    """Working hours from ``start`` to ``end``; negative when end < start."""
    if end < start:
        return -hours_between(end, start, schedule, holidays)
    if schedule is None:
        return (end - start).total_seconds() / 3600.0
    holidays = set(holidays)
    total = timedelta()
    day = start.date()
    while day <= end.date():
        for begin, finish in _day_intervals(day, schedule, holidays):
            begin, finish = max(begin, start), min(finish, end)
            if finish > begin:
                total += finish - begin
        day += timedelta(days=1)
    return total.total_seconds() / 3600.0


def sla_status(now, deadline, remaining_hours, total_hours, at_risk_ratio,
               previous=None, closed_at=None):
    """Status of a resolution target.

    ``remaining_hours``: working hours left until the deadline at ``now``
    (or at closing time for a closed ticket). A ticket at risk has used at
    least ``at_risk_ratio`` (0..1) of its target. A breach stays a breach.
    """
    if previous == BREACHED:
        return BREACHED
    moment = closed_at or now
    if deadline is None:
        return ON_TIME
    if moment > deadline:
        return BREACHED
    if closed_at:
        return ON_TIME
    if total_hours and remaining_hours <= total_hours * (1.0 - at_risk_ratio):
        return AT_RISK
    if not total_hours and moment >= deadline:
        return AT_RISK
    return ON_TIME
