"""Personnel-record arithmetic: pure functions, no Odoo imports."""
import calendar
import datetime

EDUCATION_LEVELS = [
    ('sd', 'SD'),
    ('smp', 'SMP'),
    ('sma', 'SMA/SMK'),
    ('d1', 'D1'),
    ('d2', 'D2'),
    ('d3', 'D3'),
    ('d4', 'D4'),
    ('s1', 'S1'),
    ('s2', 'S2'),
    ('s3', 'S3'),
]
EDUCATION_RANK = {code: rank for rank, (code, _label) in
                  enumerate(EDUCATION_LEVELS, start=1)}


def add_years(day, years):
    """The same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retirement_date(birthday, retirement_age):
    """First day of the month after the one in which the employee reaches
    the retirement age (the usual rule for Indonesian pensions)."""
    if not birthday or not retirement_age:
        return None
    reached = add_years(birthday, retirement_age)
    last = calendar.monthrange(reached.year, reached.month)[1]
    return reached.replace(day=last) + datetime.timedelta(days=1)


def years_months_between(start, end):
    """Whole (years, months) elapsed from `start` to `end`; (0, 0) when
    `end` is before `start` or a date is missing."""
    if not start or not end or end < start:
        return 0, 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months // 12, months % 12


def next_periodic_date(last, interval_years, today=None):
    """Next occurrence, every `interval_years` from `last`. With `today`,
    the first occurrence on or after `today` (overdue dates roll on only
    when `today` is given)."""
    if not last or not interval_years or interval_years < 1:
        return None
    step = 1
    nxt = add_years(last, interval_years)
    while today and nxt < today:
        step += 1
        nxt = add_years(last, interval_years * step)
    return nxt


def highest_education(levels):
    """The highest level code among `levels`, or None."""
    known = [lvl for lvl in levels if lvl in EDUCATION_RANK]
    if not known:
        return None
    return max(known, key=EDUCATION_RANK.get)


def periods_overlap(start_a, end_a, start_b, end_b):
    """True when two date periods share at least one day; an empty end
    means the period is still running."""
    if end_a and start_b > end_a:
        return False
    if end_b and start_a > end_b:
        return False
    return True


def first_overlap(periods):
    """Given (key, start, end) tuples, return the first pair of keys whose
    periods overlap, or None."""
    ordered = sorted(periods, key=lambda p: p[1])
    for i, (key_a, start_a, end_a) in enumerate(ordered):
        for key_b, start_b, end_b in ordered[i + 1:]:
            if periods_overlap(start_a, end_a, start_b, end_b):
                return key_a, key_b
    return None


def duk_sort_key(grade_sequence, grade_date, position_level, join_date,
                 education, birthday):
    """Sort key of the seniority list (DUK): higher grade first, then older
    grade TMT, higher position level, longer service, higher education,
    older employee. Missing values sort last."""
    far = datetime.date(9999, 12, 31)
    return (
        -(grade_sequence or 0),
        grade_date or far,
        -(position_level or 0),
        join_date or far,
        -EDUCATION_RANK.get(education, 0),
        birthday or far,
    )


MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli',
             'Agustus', 'September', 'Oktober', 'November', 'Desember']


def format_date_id(day):
    """A date the Indonesian way: 03 Oktober 2024. Accepts a date or an
    ISO string; empty gives ''."""
    if not day:
        return ''
    if isinstance(day, str):
        day = datetime.datetime.strptime(day[:10], '%Y-%m-%d').date()
    return '%02d %s %d' % (day.day, MONTHS_ID[day.month - 1], day.year)
