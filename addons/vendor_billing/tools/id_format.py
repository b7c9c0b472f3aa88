"""Indonesian forms of dates, numbers and money used in letters and reports."""
import datetime

MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli',
          'Agustus', 'September', 'Oktober', 'November', 'Desember']
DAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']


def to_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.datetime.strptime(value[:10], '%Y-%m-%d').date()


def format_date(value, zero_pad=True, weekday=False):
    """'03 Oktober 2024' (or 'Senin, 30 September 2024')."""
    day = to_date(value)
    text = '%s %s %d' % ('%02d' % day.day if zero_pad else str(day.day),
                         MONTHS[day.month - 1], day.year)
    if weekday:
        text = '%s, %s' % (DAYS[day.weekday()], text)
    return text


def format_month(value):
    """'September 2024'."""
    day = to_date(value)
    return '%s %d' % (MONTHS[day.month - 1], day.year)


def format_number(value, digits=0):
    """3852 -> '3.852'; 168.444, 2 -> '168,44'."""
    text = ('{:,.%df}' % digits).format(value)
    return text.replace(',', '\x00').replace('.', ',').replace('\x00', '.')


def format_money(value, symbol='Rp'):
    """2500000 -> 'Rp 2.500.000' (sen shown only when there are some)."""
    digits = 0 if round(value, 2) == int(round(value, 2)) else 2
    return '%s %s' % (symbol, format_number(value, digits))
