import unittest
from datetime import date, datetime

from ..tools import sla

OFFICE = {d: [(8.0, 12.0), (13.0, 16.0)] for d in range(5)}


class TestSlaArithmetic(unittest.TestCase):

    def test_around_the_clock(self):
        start = datetime(2025, 3, 7, 22, 0)
        self.assertEqual(sla.add_hours(start, 24), datetime(2025, 3, 8, 22, 0))
        self.assertEqual(sla.hours_between(start, datetime(2025, 3, 8, 1, 0)), 3)

    def test_within_one_working_day(self):
        start = datetime(2025, 3, 3, 9, 0)  # Monday
        self.assertEqual(sla.add_hours(start, 2, OFFICE), datetime(2025, 3, 3, 11, 0))
        # Lunch break is skipped.
        self.assertEqual(sla.add_hours(start, 4, OFFICE), datetime(2025, 3, 3, 14, 0))

    def test_over_weekend(self):
        friday = datetime(2025, 3, 7, 15, 0)
        self.assertEqual(sla.add_hours(friday, 3, OFFICE), datetime(2025, 3, 10, 10, 0))

    def test_outside_hours_starts_next_morning(self):
        evening = datetime(2025, 3, 3, 20, 0)
        self.assertEqual(sla.add_hours(evening, 1, OFFICE), datetime(2025, 3, 4, 9, 0))
        saturday = datetime(2025, 3, 8, 10, 0)
        self.assertEqual(sla.add_hours(saturday, 0, OFFICE), datetime(2025, 3, 10, 8, 0))

    def test_holiday_skipped(self):
        start = datetime(2025, 3, 28, 15, 0)  # Friday
        holidays = {date(2025, 3, 31), date(2025, 4, 1)}
        self.assertEqual(sla.add_hours(start, 2, OFFICE, holidays),
                         datetime(2025, 4, 2, 9, 0))

    def test_hours_between_working(self):
        self.assertEqual(sla.hours_between(datetime(2025, 3, 7, 15, 0),
                                           datetime(2025, 3, 10, 10, 0),
                                           OFFICE), 3)
        self.assertEqual(sla.hours_between(datetime(2025, 3, 10, 10, 0),
                                           datetime(2025, 3, 7, 15, 0),
                                           OFFICE), -3)

    def test_add_then_between_roundtrip(self):
        start = datetime(2025, 3, 5, 11, 30)
        for hours in (0.5, 7, 13, 40):
            end = sla.add_hours(start, hours, OFFICE)
            self.assertAlmostEqual(sla.hours_between(start, end, OFFICE), hours)

    def test_negative_hours_refused(self):
        with self.assertRaises(ValueError):
            sla.add_hours(datetime(2025, 3, 3), -1)

    def test_empty_schedule_refused(self):
        with self.assertRaises(ValueError):
            sla.add_hours(datetime(2025, 3, 3), 1, {0: []})

    def test_status(self):
        deadline = datetime(2025, 3, 4, 9, 0)
        now = datetime(2025, 3, 3, 12, 0)
        self.assertEqual(sla.sla_status(now, deadline, 21, 24, 0.75), sla.ON_TIME)
        self.assertEqual(sla.sla_status(now, deadline, 6, 24, 0.75), sla.AT_RISK)
        late = datetime(2025, 3, 4, 10, 0)
        self.assertEqual(sla.sla_status(late, deadline, -1, 24, 0.75), sla.BREACHED)

    def test_breach_stays(self):
        deadline = datetime(2025, 3, 10, 9, 0)
        now = datetime(2025, 3, 3, 12, 0)
        self.assertEqual(sla.sla_status(now, deadline, 100, 120, 0.75,
                                        previous=sla.BREACHED), sla.BREACHED)

    def test_closed_in_time_is_on_time(self):
        deadline = datetime(2025, 3, 4, 9, 0)
        closed = datetime(2025, 3, 4, 8, 0)
        self.assertEqual(sla.sla_status(datetime(2025, 3, 9), deadline, 1, 24,
                                        0.75, previous=sla.AT_RISK,
                                        closed_at=closed), sla.ON_TIME)
        self.assertEqual(sla.sla_status(datetime(2025, 3, 9), deadline, -1, 24,
                                        0.75, closed_at=datetime(2025, 3, 5)),
                         sla.BREACHED)
