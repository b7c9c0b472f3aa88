# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import unittest

from ..tools import scoring, text


class TestScoring(unittest.TestCase):

    def test_weights(self):
        self.assertTrue(scoring.weights_complete([60, 40]))
        self.assertTrue(scoring.weights_complete([33.33, 33.33, 33.34]))
        self.assertFalse(scoring.weights_complete([60, 30]))
        self.assertFalse(scoring.weights_complete([]))
        self.assertEqual(scoring.weights_total([10.1, 20.2]), 30.3)

    def test_monthly_target(self):
        self.assertEqual(scoring.monthly_target(24, 12), 2.0)
        self.assertEqual(scoring.monthly_target(6, 3), 2.0)
        self.assertEqual(scoring.monthly_target(12, 0), 1.0)
        self.assertEqual(scoring.monthly_target(-5, 12), 0.0)

    def test_achievement_capped(self):
        self.assertEqual(scoring.achievement(1, 2), 50.0)
        self.assertEqual(scoring.achievement(5, 2), 120.0)
        self.assertEqual(scoring.achievement(5, 2, ceiling=150), 150.0)
        self.assertEqual(scoring.achievement(5, 0), 0.0)
        self.assertEqual(scoring.achievement(-3, 2), 0.0)

    def test_work_score_weighted(self):
        self.assertEqual(scoring.work_score([(100, 60), (50, 40)]), 80.0)
        self.assertEqual(scoring.work_score([]), 0.0)
        # weights not totalling 100 are normalised
        self.assertEqual(scoring.work_score([(100, 30), (50, 30)]), 75.0)

    def test_behaviour_score(self):
        ratings = [(5, 1)] * 7
        self.assertEqual(scoring.behaviour_score(ratings, 5), 100.0)
        self.assertEqual(scoring.behaviour_score([(4, 1), (3, 1)], 5), 70.0)
        self.assertEqual(scoring.behaviour_score([(4, 3), (2, 1)], 5), 70.0)
        self.assertIsNone(scoring.behaviour_score([(None, 1)], 5))
        self.assertEqual(scoring.behaviour_score([(4, 1), (None, 1)], 5), 80.0)
        with self.assertRaises(ValueError):
            scoring.behaviour_score([(6, 1)], 5)

    def test_discipline(self):
        self.assertEqual(scoring.discipline_score(), 100.0)
        self.assertEqual(scoring.discipline_score(
            late_count=3, absent_days=2, early_leave_minutes=120), 86.0)
        self.assertEqual(scoring.discipline_score(
            late_minutes=90, late_day_penalty=0, late_hour_penalty=2), 97.0)
        self.assertEqual(scoring.discipline_score(absent_days=30), 0.0)

    def test_final_score_default_weights(self):
        self.assertEqual(scoring.final_score(100, 50, 80), 86.0)
        self.assertEqual(scoring.final_score(100, 50, 80, 60, 0, 40), 92.0)
        with self.assertRaises(ValueError):
            scoring.final_score(1, 1, 1, 0, 0, 0)

    def test_predicate(self):
        thresholds = [('sb', 91), ('b', 76), ('bp', 61), ('k', 51),
                      ('sk', 0)]
        self.assertEqual(scoring.predicate(95, thresholds), 'sb')
        self.assertEqual(scoring.predicate(91, thresholds), 'sb')
        self.assertEqual(scoring.predicate(90.99, thresholds), 'b')
        self.assertEqual(scoring.predicate(10, thresholds), 'sk')
        self.assertIsNone(scoring.predicate(10, [('x', 50)]))

    def test_quota(self):
        self.assertFalse(scoring.quota_exceeded(2, 10, 20))
        self.assertTrue(scoring.quota_exceeded(3, 10, 20))
        self.assertTrue(scoring.quota_exceeded(1, 4, 20))
        self.assertFalse(scoring.quota_exceeded(5, 5, 0))
        self.assertFalse(scoring.quota_exceeded(5, 5, 100))
        self.assertEqual(scoring.quota_allowed(10, 20), 2)
        self.assertEqual(scoring.quota_allowed(4, 20), 0)

    def test_dates(self):
        day = datetime.date(2024, 2, 10)
        self.assertEqual(scoring.month_bounds(day),
                         (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)))
        self.assertTrue(scoring.is_month_end(datetime.date(2024, 2, 29)))
        self.assertFalse(scoring.is_month_end(day))
        today = datetime.date(2025, 3, 14)
        self.assertIsNone(scoring.report_date_error(today, today, 3))
        self.assertIsNone(scoring.report_date_error(
            datetime.date(2025, 3, 11), today, 3))
        self.assertEqual(scoring.report_date_error(
            datetime.date(2025, 3, 10), today, 3), 'too_old')
        self.assertEqual(scoring.report_date_error(
            datetime.date(2025, 3, 15), today, 3), 'future')

    def test_hours(self):
        self.assertFalse(scoring.hours_exceeded([8, 16]))
        self.assertTrue(scoring.hours_exceeded([8, 16.5]))
        self.assertTrue(scoring.hours_exceeded([9], max_hours=8))

    def test_text(self):
        self.assertEqual(text.date_id(datetime.date(2024, 10, 3)),
                         '03 Oktober 2024')
        self.assertEqual(text.month_id(datetime.date(2024, 2, 1)),
                         'Februari 2024')
        self.assertEqual(text.number_id(1234.5), '1.234,5')
        self.assertEqual(text.number_id(100.0), '100')
        self.assertEqual(text.date_id(None), '')

    def test_year_from_text(self):
        self.assertEqual(text.year_from_text('2026'), 2026)
        self.assertEqual(text.year_from_text(' 2026 '), 2026)
        for value in ('2.026', '2,026', '-2026', 'dua ribu', '', None,
                      '２０２６'):
            self.assertIsNone(text.year_from_text(value), value)
