# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Scoring rules of E-Kinerja as plain functions (no Odoo imports).

Every number that a utility may set differently (ceiling, weights,
penalties, thresholds, quotas) is passed in by the caller, which reads it
from the scoring scheme that HR edits in the web client.
"""
import calendar
import datetime

BERAKHLAK = (
    ('service', 'Berorientasi Pelayanan'),
    ('accountable', 'Akuntabel'),
    ('competent', 'Kompeten'),
    ('harmonious', 'Harmonis'),
    ('loyal', 'Loyal'),
    ('adaptive', 'Adaptif'),
    ('collaborative', 'Kolaboratif'),
)


def weights_total(weights):
    """Sum of target weights, rounded to avoid float noise."""
    return round(sum(w or 0.0 for w in weights), 2)


def weights_complete(weights, expected=100.0):
    """True when the weights add up to the expected total (100 %)."""
    return abs(weights_total(weights) - expected) < 0.01


def monthly_target(quantity, months):
    """Part of a yearly quantity due each month of the time target."""
    if not quantity or quantity <= 0:
        return 0.0
    months = months if months and months > 0 else 12
    return float(quantity) / months


def achievement(realisation, target, ceiling=120.0):
    """Achievement in % of the target, capped at the ceiling."""
    if not target or target <= 0:
        return 0.0
    value = 100.0 * max(realisation or 0.0, 0.0) / target
    return round(min(value, ceiling), 2)


def work_score(lines):
    """Weighted work score from (achievement %, weight %) pairs.

    Weights are normalised by their total, so a plan whose weights do
    not reach 100 % is not rewarded for it."""
    total = sum(w for _a, w in lines if w and w > 0)
    if not total:
        return 0.0
    return round(sum(a * w for a, w in lines if w and w > 0) / total, 2)


def behaviour_score(ratings, scale_max=5.0):
    """Behaviour score (0-100) from (rating, aspect weight) pairs.

    Ratings are on a 1..scale_max scale; unrated aspects (None) are
    ignored. Returns None when nothing was rated."""
    rated = [(r, w if w and w > 0 else 1.0) for r, w in ratings
             if r is not None and r is not False]
    if not rated or not scale_max:
        return None
    for rating, _w in rated:
        if rating < 0 or rating > scale_max:
            raise ValueError('Rating %s is outside the scale 0..%s'
                             % (rating, scale_max))
    total = sum(w for _r, w in rated)
    return round(100.0 * sum(r * w for r, w in rated) / total / scale_max, 2)


def discipline_score(late_count=0, late_minutes=0, absent_days=0,
                     early_leave_minutes=0, late_day_penalty=1.0,
                     late_hour_penalty=0.0, absent_day_penalty=5.0,
                     early_leave_hour_penalty=0.5, base=100.0):
    """Discipline score: the base minus penalties, never below zero.

    Penalties are per late day, per hour late, per day absent without
    leave, and per hour of leaving early."""
    score = base
    score -= late_day_penalty * (late_count or 0)
    score -= late_hour_penalty * (late_minutes or 0) / 60.0
    score -= absent_day_penalty * (absent_days or 0)
    score -= early_leave_hour_penalty * (early_leave_minutes or 0) / 60.0
    return round(max(score, 0.0), 2)


def final_score(work, behaviour, discipline, work_weight=60.0,
                behaviour_weight=20.0, discipline_weight=20.0):
    """Final score: the weighted mean of the three parts."""
    total = (work_weight or 0) + (behaviour_weight or 0) \
        + (discipline_weight or 0)
    if total <= 0:
        raise ValueError('The score weights must add up to more than zero')
    value = ((work or 0.0) * (work_weight or 0)
             + (behaviour or 0.0) * (behaviour_weight or 0)
             + (discipline or 0.0) * (discipline_weight or 0)) / total
    return round(value, 2)


def predicate(score, thresholds):
    """The predicate whose minimum is the highest one not above the score.

    thresholds: iterable of (key, minimum score). Returns the key, or
    None when the score is below every minimum."""
    best = None
    for key, minimum in thresholds:
        if score >= minimum and (best is None or minimum > best[1]):
            best = (key, minimum)
    return best[0] if best else None


def quota_exceeded(count_with_predicate, department_size, max_percent):
    """True when count_with_predicate staff out of department_size go
    beyond max_percent of the department (no quota when max_percent is
    empty or 100)."""
    if not max_percent or max_percent >= 100 or department_size <= 0:
        return False
    return 100.0 * count_with_predicate / department_size > max_percent + 1e-9


def quota_allowed(department_size, max_percent):
    """How many staff of a department may get a quota-bound predicate."""
    if not max_percent or max_percent >= 100:
        return department_size
    return int(department_size * max_percent / 100.0 + 1e-9)


def month_bounds(day):
    """First and last day of the month containing day (a date)."""
    first = day.replace(day=1)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return first, last


def is_month_end(day):
    return day == month_bounds(day)[1]


def report_date_error(report_date, today, window_days):
    """Why a daily report date is not allowed, or None when it is.

    Returns 'future' or 'too_old'."""
    if report_date > today:
        return 'future'
    if window_days is not None and window_days >= 0 and \
            report_date < today - datetime.timedelta(days=window_days):
        return 'too_old'
    return None


def hours_exceeded(hours, max_hours=24.0):
    return round(sum(h or 0.0 for h in hours), 4) > max_hours + 1e-9
