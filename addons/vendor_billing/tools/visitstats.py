"""Statistics of daily visits and the Indonesian analysis written from them.

Every sentence of the analysis is built from the figures computed here, so
the text can never say something the tables do not show.
"""
import datetime

from .duedate import month_end
from .id_format import DAYS, format_date, format_month, format_number


def month_series(month, counts):
    """Daily (date, visits) pairs of the whole month of `month`; days
    missing from `counts` (a dict date -> visits) count zero."""
    first = month.replace(day=1)
    last = month_end(first)
    days = (last - first).days + 1
    return [(first + datetime.timedelta(days=i),
             int(counts.get(first + datetime.timedelta(days=i), 0)))
            for i in range(days)]


def _avg(values):
    return float(sum(values)) / len(values) if values else 0.0


def visit_stats(series):
    """Figures of one server over a series of (date, visits)."""
    values = [v for _d, v in series]
    weekday = [v for d, v in series if d.weekday() < 5]
    weekend = [v for d, v in series if d.weekday() >= 5]
    total = sum(values)
    stats = {
        'days': len(series),
        'total': total,
        'daily_avg': _avg(values),
        'weekday_days': len(weekday),
        'weekend_days': len(weekend),
        'weekday_avg': _avg(weekday),
        'weekend_avg': _avg(weekend),
        'weekday_min': min(weekday) if weekday else 0,
        'weekday_max': max(weekday) if weekday else 0,
        'weekend_min': min(weekend) if weekend else 0,
        'weekend_max': max(weekend) if weekend else 0,
        'zero_days': [d for d, v in series if v == 0],
        'highest': max(values) if values else 0,
        'lowest': min(values) if values else 0,
    }
    stats['highest_days'] = [d for d, v in series if v == stats['highest']]
    stats['lowest_days'] = [d for d, v in series if v == stats['lowest']]
    by_dow = []
    for dow in range(7):
        day_values = [v for d, v in series if d.weekday() == dow]
        by_dow.append(_avg(day_values))
    stats['dow_avg'] = by_dow
    return stats


def shares(totals):
    """Percent of all visits for each key of `totals` (dict key -> total)."""
    grand = sum(totals.values())
    return {key: (100.0 * value / grand if grand else 0.0)
            for key, value in totals.items()}


def _n(value, digits=0):
    return format_number(value, digits)


def _day_list(days):
    if not days:
        return '-'
    if len(days) == 1:
        return format_date(days[0], zero_pad=False)
    numbers = [str(d.day) for d in days]
    return '%s dan %s %s' % (', '.join(numbers[:-1]), numbers[-1],
                             format_month(days[0]))


def _compare(a, b):
    """Indonesian word comparing a with b."""
    if b == 0:
        return 'lebih tinggi' if a > 0 else 'sama'
    ratio = a / b
    if ratio >= 2:
        return 'jauh lebih tinggi'
    if ratio > 1.05:
        return 'lebih tinggi'
    if ratio >= 0.95:
        return 'hampir sama'
    if ratio > 0.5:
        return 'lebih rendah'
    return 'jauh lebih rendah'


def analysis_paragraphs(server_name, month, stats):
    """List of (heading, [sentences]) describing one server's month."""
    period = format_month(month)
    if stats['total'] == 0:
        return [('Tidak ada data', [
            'Tidak ada kunjungan yang tercatat untuk %s pada periode %s.'
            % (server_name, period)])]
    items = []
    items.append(('1. Total dan Rata-rata Kunjungan', [
        'Total kunjungan %s bulan %s adalah %s, dengan rata-rata %s kunjungan '
        'per hari selama %d hari.' % (
            server_name, period, _n(stats['total']), _n(stats['daily_avg'], 2),
            stats['days'])]))
    word = _compare(stats['weekday_avg'], stats['weekend_avg'])
    items.append(('2. Tren Hari Kerja vs Akhir Pekan', [
        'Rata-rata kunjungan pada hari kerja (Senin hingga Jumat) adalah %s '
        'kunjungan per hari, %s dibandingkan dengan %s kunjungan per hari pada '
        'akhir pekan (Sabtu dan Minggu).' % (
            _n(stats['weekday_avg'], 2), word, _n(stats['weekend_avg'], 2))]))
    high = stats['highest_days']
    low = stats['lowest_days']
    sentences = [
        'Kunjungan tertinggi tercatat pada %s dengan %s kunjungan%s.' % (
            _day_list(high), _n(stats['highest']),
            (' (hari %s)' % DAYS[high[0].weekday()]) if len(high) == 1 else ''),
        'Kunjungan terendah tercatat pada %s dengan %s kunjungan%s.' % (
            _day_list(low), _n(stats['lowest']),
            (' (hari %s)' % DAYS[low[0].weekday()]) if len(low) == 1 else ''),
    ]
    items.append(('3. Hari dengan Aktivitas Tertinggi dan Terendah', sentences))
    sentences = []
    if stats['weekday_days']:
        sentences.append(
            'Pada hari kerja, kunjungan berkisar antara %s hingga %s kunjungan '
            'per hari.' % (_n(stats['weekday_min']), _n(stats['weekday_max'])))
    if stats['weekend_days']:
        sentences.append(
            'Pada akhir pekan, kunjungan berkisar antara %s hingga %s kunjungan '
            'per hari.' % (_n(stats['weekend_min']), _n(stats['weekend_max'])))
    zero = stats['zero_days']
    if zero:
        sentences.append(
            'Dari %d hari, %d hari tidak mencatat kunjungan sama sekali (%s).'
            % (stats['days'], len(zero), _day_list(zero)))
    else:
        sentences.append('Setiap hari pada periode ini mencatat kunjungan.')
    items.append(('4. Konsistensi Kunjungan', sentences))
    dow = stats['dow_avg']
    top = max(range(7), key=lambda i: dow[i])
    bottom = min(range(7), key=lambda i: dow[i])
    items.append(('5. Pola Mingguan', [
        'Rata-rata kunjungan tertinggi jatuh pada hari %s (%s kunjungan) dan '
        'terendah pada hari %s (%s kunjungan).' % (
            DAYS[top], _n(dow[top], 2), DAYS[bottom], _n(dow[bottom], 2)),
        'Rata-rata per hari: %s.' % ', '.join(
            '%s %s' % (DAYS[i], _n(dow[i], 2)) for i in range(7)),
    ]))
    return items


def conclusion(server_name, stats):
    if stats['total'] == 0:
        return '%s tidak mencatat kunjungan pada periode ini.' % server_name
    word = _compare(stats['weekday_avg'], stats['weekend_avg'])
    return ('%s mencatat %s kunjungan; rata-rata hari kerja %s dibandingkan '
            'akhir pekan, dengan puncak %s kunjungan dan %d hari tanpa '
            'kunjungan.' % (server_name, _n(stats['total']), word,
                            _n(stats['highest']), len(stats['zero_days'])))


def servers_summary(totals, order):
    """Sentences comparing servers: `totals` name -> total visits, `order`
    the names in display order."""
    pct = shares(totals)
    grand = sum(totals.values())
    if not grand:
        return ['Tidak ada kunjungan yang tercatat pada server mana pun.']
    ranked = sorted(order, key=lambda n: -totals[n])
    sentences = []
    for name in order:
        rank = ranked.index(name) + 1
        sentences.append('%s mencatat %s kunjungan (%s%% dari seluruh '
                         'kunjungan), peringkat %d dari %d server.' % (
                             name, _n(totals[name]), _n(pct[name], 2),
                             rank, len(order)))
    main = ranked[0]
    if pct[main] > 50:
        sentences.append('%s menangani mayoritas kunjungan (%s%%); beban '
                         'belum merata di antara server.' % (main, _n(pct[main], 2)))
    else:
        sentences.append('Tidak ada server yang menangani lebih dari separuh '
                         'kunjungan; %s tertinggi dengan %s%%.' % (
                             main, _n(pct[main], 2)))
    return sentences
