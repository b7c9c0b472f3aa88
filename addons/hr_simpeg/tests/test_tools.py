import datetime
import unittest

from ..tools import simpeg

D = datetime.date


class TestSimpegTools(unittest.TestCase):

    def test_retirement_date_first_of_next_month(self):
        self.assertEqual(simpeg.retirement_date(D(1970, 5, 17), 56),
                         D(2026, 6, 1))
        self.assertEqual(simpeg.retirement_date(D(1970, 12, 31), 56),
                         D(2027, 1, 1))
        self.assertIsNone(simpeg.retirement_date(None, 56))

    def test_add_years_leap_day(self):
        self.assertEqual(simpeg.add_years(D(2020, 2, 29), 2), D(2022, 2, 28))
        self.assertEqual(simpeg.add_years(D(2020, 2, 29), 4), D(2024, 2, 29))

    def test_years_months_between(self):
        self.assertEqual(simpeg.years_months_between(
            D(2010, 4, 1), D(2024, 3, 31)), (13, 11))
        self.assertEqual(simpeg.years_months_between(
            D(2010, 4, 1), D(2024, 4, 1)), (14, 0))
        self.assertEqual(simpeg.years_months_between(
            D(2024, 4, 1), D(2010, 4, 1)), (0, 0))

    def test_next_periodic_date(self):
        self.assertEqual(simpeg.next_periodic_date(D(2022, 4, 1), 2),
                         D(2024, 4, 1))
        self.assertEqual(simpeg.next_periodic_date(
            D(2018, 4, 1), 2, today=D(2023, 1, 1)), D(2024, 4, 1))
        self.assertIsNone(simpeg.next_periodic_date(D(2018, 4, 1), 0))

    def test_highest_education(self):
        self.assertEqual(simpeg.highest_education(['sma', 's1', 'd3']), 's1')
        self.assertEqual(simpeg.highest_education(['s3', 'sd']), 's3')
        self.assertIsNone(simpeg.highest_education([]))

    def test_overlap(self):
        self.assertTrue(simpeg.periods_overlap(
            D(2020, 1, 1), None, D(2021, 1, 1), None))
        self.assertFalse(simpeg.periods_overlap(
            D(2020, 1, 1), D(2020, 12, 31), D(2021, 1, 1), None))
        self.assertTrue(simpeg.periods_overlap(
            D(2020, 1, 1), D(2021, 1, 1), D(2021, 1, 1), None))
        self.assertEqual(simpeg.first_overlap([
            ('a', D(2015, 1, 1), D(2017, 12, 31)),
            ('b', D(2018, 1, 1), D(2020, 6, 30)),
            ('c', D(2020, 6, 1), None)]), ('b', 'c'))
        self.assertIsNone(simpeg.first_overlap([
            ('a', D(2015, 1, 1), D(2017, 12, 31)),
            ('b', D(2018, 1, 1), None)]))

    def test_duk_sort_key(self):
        rows = {
            'low_grade': simpeg.duk_sort_key(30, D(2000, 1, 1), 5,
                                             D(1990, 1, 1), 's3',
                                             D(1960, 1, 1)),
            'high_new': simpeg.duk_sort_key(90, D(2020, 1, 1), 1,
                                            D(2010, 1, 1), 'sma',
                                            D(1980, 1, 1)),
            'high_old': simpeg.duk_sort_key(90, D(2019, 1, 1), 1,
                                            D(2010, 1, 1), 'sma',
                                            D(1980, 1, 1)),
            'high_old_s1': simpeg.duk_sort_key(90, D(2019, 1, 1), 1,
                                               D(2010, 1, 1), 's1',
                                               D(1985, 1, 1)),
        }
        self.assertEqual(sorted(rows, key=rows.get),
                         ['high_old_s1', 'high_old', 'high_new',
                          'low_grade'])

    def test_format_date_id(self):
        self.assertEqual(simpeg.format_date_id(D(2024, 10, 3)),
                         '03 Oktober 2024')
        self.assertEqual(simpeg.format_date_id('2019-04-01'), '01 April 2019')
        self.assertEqual(simpeg.format_date_id(False), '')
