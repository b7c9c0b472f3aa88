"""Figures of the complaint recap."""

AGE_BUCKETS = ((1, '0-1'), (3, '2-3'), (7, '4-7'), (30, '8-30'))
OLDEST_BUCKET = '>30'


def percentage(part, whole):
    """Percentage rounded to one decimal; None when there is nothing."""
    if not whole:
        return None
    return round(100.0 * part / whole, 1)


def age_bucket(days):
    for limit, label in AGE_BUCKETS:
        if days <= limit:
            return label
    return OLDEST_BUCKET


def age_bucket_sql(column):
    """SQL CASE expression of the age bucket for a number-of-days column."""
    parts = ["WHEN %s <= %d THEN '%s'" % (column, limit, label)
             for limit, label in AGE_BUCKETS]
    return "CASE %s ELSE '%s' END" % (' '.join(parts), OLDEST_BUCKET)


def meets_handled_target(handled, total, target=80.0):
    """The >= 80 % complaints-handled indicator (Kepmendagri 47/1999)."""
    value = percentage(handled, total)
    return value is not None and value >= target


MONTHS_ID = ('Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli',
             'Agustus', 'September', 'Oktober', 'November', 'Desember')


def month_label_id(year, month):
    """'Maret 2025'."""
    return '%s %d' % (MONTHS_ID[month - 1], year)


def month_bounds(year, month):
    """(first day, first day of the next month) as (y, m, d) tuples."""
    if not 1 <= month <= 12:
        raise ValueError('month must be 1..12')
    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    return (year, month, 1), (nxt[0], nxt[1], 1)


def format_hours(hours):
    """'3 j 25 m' style duration for Indonesian readers; '-' when unknown."""
    if hours is None:
        return '-'
    minutes = int(round(hours * 60))
    return '%d j %02d m' % (minutes // 60, minutes % 60)
