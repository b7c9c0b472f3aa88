import datetime
import unittest

from ..tools.accesslog import count_visits
from ..tools.charts import bar_chart, pie_chart
from ..tools.duedate import due_date, next_working_day, service_period
from ..tools.id_format import format_date, format_money, format_month, format_number
from ..tools.terbilang import amount_to_words, terbilang
from ..tools import visitstats

D = datetime.date


class TestTerbilang(unittest.TestCase):

    def test_words(self):
        cases = {
            0: 'nol', 1: 'satu', 10: 'sepuluh', 11: 'sebelas', 12: 'dua belas',
            19: 'sembilan belas', 20: 'dua puluh', 21: 'dua puluh satu',
            100: 'seratus', 101: 'seratus satu', 110: 'seratus sepuluh',
            111: 'seratus sebelas', 199: 'seratus sembilan puluh sembilan',
            200: 'dua ratus', 1000: 'seribu', 1001: 'seribu satu',
            1100: 'seribu seratus', 2000: 'dua ribu', 11000: 'sebelas ribu',
            100000: 'seratus ribu', 101000: 'seratus satu ribu',
            1000000: 'satu juta', 1001000: 'satu juta seribu',
            2500000: 'dua juta lima ratus ribu',
            1001001001: 'satu miliar satu juta seribu satu',
            10 ** 12: 'satu triliun',
            999999999: 'sembilan ratus sembilan puluh sembilan juta sembilan '
                       'ratus sembilan puluh sembilan ribu sembilan ratus '
                       'sembilan puluh sembilan',
        }
        for number, words in cases.items():
            self.assertEqual(terbilang(number), words, number)

    def test_no_double_spaces_or_satu_ribu(self):
        for number in list(range(0, 3000)) + list(range(999000, 1003000, 7)):
            words = terbilang(number)
            self.assertNotIn('  ', words)
            self.assertNotIn('satu ribu', words)
            self.assertNotIn('satu ratus', words)
            self.assertNotIn('satu belas', words)
            self.assertNotIn('satu puluh', words)

    def test_amounts(self):
        self.assertEqual(amount_to_words(2500000),
                         'dua juta lima ratus ribu rupiah')
        self.assertEqual(amount_to_words(1001000), 'satu juta seribu rupiah')
        self.assertEqual(amount_to_words(1250.5),
                         'seribu dua ratus lima puluh rupiah lima puluh sen')
        self.assertEqual(amount_to_words(0.01), 'nol rupiah satu sen')
        self.assertEqual(amount_to_words(-15), 'minus lima belas rupiah')
        self.assertEqual(amount_to_words(7.999), 'delapan rupiah')

    def test_too_large(self):
        with self.assertRaises(ValueError):
            terbilang(10 ** 18)


class TestFormats(unittest.TestCase):

    def test_formats(self):
        self.assertEqual(format_date(D(2024, 10, 3)), '03 Oktober 2024')
        self.assertEqual(format_date('2024-09-30', zero_pad=False, weekday=True),
                         'Senin, 30 September 2024')
        self.assertEqual(format_month(D(2024, 9, 1)), 'September 2024')
        self.assertEqual(format_number(3852), '3.852')
        self.assertEqual(format_number(168.444, 2), '168,44')
        self.assertEqual(format_money(2500000), 'Rp 2.500.000')
        self.assertEqual(format_money(1500.5), 'Rp 1.500,50')


class TestDueDate(unittest.TestCase):

    def test_period(self):
        self.assertEqual(service_period(D(2024, 10, 3)),
                         (D(2024, 9, 1), D(2024, 9, 30)))
        self.assertEqual(service_period(D(2024, 1, 15)),
                         (D(2023, 12, 1), D(2023, 12, 31)))

    def test_reference(self):
        self.assertEqual(due_date(D(2024, 9, 1)), D(2024, 10, 10))

    def test_weekend_and_holidays(self):
        # 10 Aug 2024 is a Saturday -> Monday 12th
        self.assertEqual(due_date(D(2024, 7, 1)), D(2024, 8, 12))
        # 10 Apr 2024 Idul Fitri and cuti bersama until 15th
        holidays = [D(2024, 4, 10), D(2024, 4, 11), D(2024, 4, 12),
                    D(2024, 4, 15)]
        self.assertEqual(due_date(D(2024, 3, 1), holidays=holidays),
                         D(2024, 4, 16))

    def test_configurable_day(self):
        self.assertEqual(due_date(D(2024, 1, 1), due_day=31), D(2024, 2, 29))
        self.assertEqual(due_date(D(2024, 9, 1), due_day=15), D(2024, 10, 15))
        with self.assertRaises(ValueError):
            due_date(D(2024, 9, 1), due_day=0)

    def test_next_working_day(self):
        self.assertEqual(next_working_day(D(2024, 12, 25), [D(2024, 12, 25),
                                                            D(2024, 12, 26)]),
                         D(2024, 12, 27))


def _september(weekday_value, weekend_value, overrides=None):
    counts = {}
    for day in range(1, 31):
        date = D(2024, 9, day)
        counts[date] = weekday_value if date.weekday() < 5 else weekend_value
    counts.update(overrides or {})
    return visitstats.month_series(D(2024, 9, 1), counts)


class TestVisitStats(unittest.TestCase):

    def test_stats(self):
        series = _september(100, 10, {D(2024, 9, 2): 200, D(2024, 9, 8): 0})
        stats = visitstats.visit_stats(series)
        self.assertEqual(stats['days'], 30)
        self.assertEqual(stats['weekday_days'], 21)
        self.assertEqual(stats['weekend_days'], 9)
        self.assertEqual(stats['total'], 20 * 100 + 200 + 8 * 10)
        self.assertAlmostEqual(stats['daily_avg'], 2280 / 30.0)
        self.assertAlmostEqual(stats['weekday_avg'], 2200 / 21.0)
        self.assertAlmostEqual(stats['weekend_avg'], 80 / 9.0)
        self.assertEqual(stats['highest_days'], [D(2024, 9, 2)])
        self.assertEqual(stats['lowest_days'], [D(2024, 9, 8)])
        self.assertEqual(stats['zero_days'], [D(2024, 9, 8)])
        self.assertEqual((stats['weekday_min'], stats['weekday_max']), (100, 200))
        self.assertEqual((stats['weekend_min'], stats['weekend_max']), (0, 10))
        # Mondays of Sept 2024: 2, 9, 16, 23, 30
        self.assertAlmostEqual(stats['dow_avg'][0], 600 / 5.0)
        self.assertAlmostEqual(stats['dow_avg'][6], 40 / 5.0)

    def test_missing_days_are_zero(self):
        series = visitstats.month_series(D(2024, 2, 10), {D(2024, 2, 3): 5})
        self.assertEqual(len(series), 29)
        self.assertEqual(sum(v for _d, v in series), 5)

    def test_shares(self):
        pct = visitstats.shares({'a': 3852, 'b': 520, 'c': 1726})
        self.assertAlmostEqual(sum(pct.values()), 100.0)
        self.assertAlmostEqual(pct['a'], 3852 * 100.0 / 6098)
        self.assertEqual(visitstats.shares({'a': 0}), {'a': 0.0})

    def test_analysis_follows_figures(self):
        stats = visitstats.visit_stats(
            _september(100, 10, {D(2024, 9, 2): 200, D(2024, 9, 8): 0}))
        text = ' '.join(' '.join(s) for _h, s in visitstats.analysis_paragraphs(
            'Server I', D(2024, 9, 1), stats))
        self.assertIn('2.280', text)
        self.assertIn('76,00', text)
        self.assertIn('jauh lebih tinggi', text)
        self.assertIn('2 September 2024 dengan 200 kunjungan (hari Senin)', text)
        self.assertIn('8 September 2024 dengan 0 kunjungan (hari Minggu)', text)
        self.assertIn('antara 100 hingga 200', text)
        self.assertIn('1 hari tidak mencatat kunjungan', text)
        self.assertIn('tertinggi jatuh pada hari Senin (120,00', text)

    def test_analysis_inverse_pattern(self):
        stats = visitstats.visit_stats(_september(5, 50))
        text = ' '.join(' '.join(s) for _h, s in visitstats.analysis_paragraphs(
            'Server II', D(2024, 9, 1), stats))
        self.assertIn('jauh lebih rendah', text)
        self.assertNotIn('jauh lebih tinggi', text)
        self.assertIn('Setiap hari pada periode ini mencatat kunjungan', text)

    def test_no_data(self):
        stats = visitstats.visit_stats(visitstats.month_series(D(2024, 9, 1), {}))
        paragraphs = visitstats.analysis_paragraphs('Server I', D(2024, 9, 1), stats)
        self.assertEqual(len(paragraphs), 1)
        self.assertIn('Tidak ada kunjungan', paragraphs[0][1][0])

    def test_servers_summary(self):
        lines = visitstats.servers_summary(
            {'Server I': 3852, 'Server II': 520, 'Server III': 1726},
            ['Server I', 'Server II', 'Server III'])
        self.assertIn('Server I mencatat 3.852 kunjungan (63,17%', lines[0])
        self.assertIn('peringkat 3 dari 3', lines[1])
        self.assertIn('Server I menangani mayoritas', lines[-1])


LOG = [
    '10.0.0.1 - - [02/Sep/2024:08:00:00 +0700] "GET / HTTP/1.1" 200 512 "-" "Firefox"',
    '10.0.0.1 - - [02/Sep/2024:08:10:00 +0700] "GET /a HTTP/1.1" 200 512 "-" "Firefox"',
    '10.0.0.1 - - [02/Sep/2024:08:39:59 +0700] "GET /b HTTP/1.1" 200 512 "-" "Firefox"',
    '10.0.0.1 - - [02/Sep/2024:09:10:00 +0700] "GET /c HTTP/1.1" 200 512 "-" "Firefox"',
    '10.0.0.1 - - [02/Sep/2024:09:11:00 +0700] "GET / HTTP/1.1" 200 512 "-" "Chrome"',
    'this is not a log line',
    '10.0.0.2 - - [02/Sep/2024:23:50:00 +0700] "GET / HTTP/1.1" 200 99 "-" "Firefox"',
    '10.0.0.2 - - [03/Sep/2024:00:10:00 +0700] "GET / HTTP/1.1" 200 99 "-" "Firefox"',
    '10.0.0.3 - - [03/Sep/2024:10:00:00 +0700] "GET / HTTP/1.0" 304 -',
    '10.0.0.3 - - [32/Sep/2024:10:00:00 +0700] "GET / HTTP/1.0" 304 -',
    '10.0.0.3 - - [03/Foo/2024:10:00:00 +0700] "GET / HTTP/1.0" 304 -',
    '',
]


class TestAccessLog(unittest.TestCase):

    def test_visits(self):
        result = count_visits(LOG)
        # client 1: 08:00-08:39:59 one visit, 09:10 a new one (gap 30:01);
        # Chrome is another client; client 2 crosses midnight in one visit.
        self.assertEqual(result.visits, {D(2024, 9, 2): 4, D(2024, 9, 3): 1})
        self.assertEqual(result.requests, 8)
        self.assertEqual(result.garbage, 3)
        self.assertEqual(result.lines, 12)
        self.assertEqual(result.garbage_samples[0],
                         (6, 'this is not a log line'))
        self.assertIn('3 unreadable lines skipped', result.summary())

    def test_gap_is_exclusive(self):
        lines = [
            '1.1.1.1 - - [02/Sep/2024:08:00:00 +0700] "GET / HTTP/1.1" 200 1 "-" "x"',
            '1.1.1.1 - - [02/Sep/2024:08:30:00 +0700] "GET / HTTP/1.1" 200 1 "-" "x"',
        ]
        self.assertEqual(count_visits(lines).visits, {D(2024, 9, 2): 2})
        self.assertEqual(count_visits([l.encode() for l in lines], gap=1801).visits,
                         {D(2024, 9, 2): 1})


class TestCharts(unittest.TestCase):

    def test_bar_chart(self):
        svg = bar_chart(['1', '2', '3'], [5, 0, 12], title='A & B',
                        weekend=[False, True, False])
        self.assertTrue(svg.startswith('<svg'))
        self.assertEqual(svg.count('<rect'), 3)
        self.assertIn('A &amp; B', svg)
        self.assertIn('#9ecae1', svg)

    def test_axis_ticks_are_whole_numbers(self):
        from ..tools.charts import _nice_tick
        self.assertEqual(_nice_tick(214 / 4.0), 60)
        self.assertEqual(_nice_tick(0.25), 1)
        self.assertEqual(_nice_tick(7.5), 8)
        self.assertEqual(_nice_tick(12), 15)
        svg = bar_chart(['1'], [214])
        self.assertIn('>240<', svg)
        self.assertIn('>180<', svg)

    def test_pie_chart(self):
        svg = pie_chart(['I', 'II'], [75, 25])
        self.assertEqual(svg.count('<path'), 2)
        self.assertIn('I: 75 (75,00%)', svg)
        self.assertIn('Tidak ada data', pie_chart(['I'], [0]))
        self.assertIn('<circle', pie_chart(['I', 'II'], [10, 0]))
