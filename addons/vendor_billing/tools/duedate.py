"""Service periods and due dates of monthly invoices."""
import calendar
import datetime


def month_start(day):
    return day.replace(day=1)


def add_months(day, months):
    """First day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_end(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def service_period(invoice_date, months_back=1):
    """(first, last) day of the service period billed on `invoice_date`:
    by default the month before it."""
    start = add_months(invoice_date, -months_back)
    return start, month_end(start)


def next_working_day(day, holidays=()):
    """`day` itself when it is a working day, else the next one; weekends
    and the given holidays (dates) are not working days."""
    holidays = set(holidays)
    while day.weekday() >= 5 or day in holidays:
        day += datetime.timedelta(days=1)
    return day


def due_date(period_start, due_day=10, holidays=()):
    """Due date of the invoice for the service period starting on
    `period_start`: day `due_day` of the following month (clamped to the
    month's last day), moved to the next working day."""
    if not 1 <= due_day <= 31:
        raise ValueError('The due day must be between 1 and 31, not %s' % due_day)
    month = add_months(period_start, 1)
    last = calendar.monthrange(month.year, month.month)[1]
    return next_working_day(month.replace(day=min(due_day, last)), holidays)
