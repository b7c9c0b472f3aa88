import unittest
from datetime import datetime

from ..tools import assignment, customer_csv, outage, recap, validation


class TestAssignment(unittest.TestCase):

    def test_least_loaded(self):
        self.assertEqual(assignment.least_loaded([3, 1, 2], {1: 4, 2: 1, 3: 1}), 2)
        self.assertEqual(assignment.least_loaded([5, 7], {}), 5)
        self.assertIsNone(assignment.least_loaded([], {}))

    def test_round_robin(self):
        self.assertEqual(assignment.round_robin([4, 2, 9], None), 2)
        self.assertEqual(assignment.round_robin([4, 2, 9], 2), 4)
        self.assertEqual(assignment.round_robin([4, 2, 9], 9), 2)
        self.assertEqual(assignment.round_robin([4, 2, 9], 5), 9)


class TestValidation(unittest.TestCase):

    def test_customer_number(self):
        self.assertEqual(validation.normalize_customer_number(' 01234 '), '01234')
        self.assertEqual(validation.normalize_customer_number('12.345'), '12345')
        self.assertIsNone(validation.normalize_customer_number('12a45'))
        self.assertIsNone(validation.normalize_customer_number(''))
        self.assertIsNone(validation.normalize_customer_number('1' * 11))

    def test_phone(self):
        self.assertEqual(validation.normalize_phone('0812-3456-7890'), '6281234567890')
        self.assertEqual(validation.normalize_phone('+62 812 3456 7890'), '6281234567890')
        self.assertEqual(validation.normalize_phone('812 3456 7890'), '6281234567890')
        self.assertIsNone(validation.normalize_phone('12345'))
        self.assertIsNone(validation.normalize_phone('+1 202 555 0100'))
        self.assertTrue(validation.phones_match('081234567890', '+6281234567890'))
        self.assertFalse(validation.phones_match('081234567891', '081234567890'))
        self.assertFalse(validation.phones_match('', ''))

    def test_photo(self):
        png = b'\x89PNG\r\n\x1a\n' + b'0' * 20
        self.assertIsNone(validation.check_photo(png, 100))
        self.assertEqual(validation.check_photo(png, 10), 'too_large')
        self.assertEqual(validation.check_photo(b'%PDF-1.4 ...', 100), 'not_image')
        self.assertEqual(validation.check_photo(b'', 100), 'empty')
        self.assertEqual(validation.image_mimetype(b'\xff\xd8\xff\xe0xx'), 'image/jpeg')

    def test_coordinates(self):
        self.assertTrue(validation.valid_coordinates(5.38, 95.96))
        self.assertFalse(validation.valid_coordinates(91, 0))
        self.assertFalse(validation.valid_coordinates(0, -181))


class TestOutage(unittest.TestCase):

    def test_window_cluster(self):
        now = datetime(2025, 3, 3, 12, 0)
        moments = [datetime(2025, 3, 3, h, 0) for h in (5, 7, 9, 11, 12)]
        self.assertEqual(outage.window_cluster(moments, now, 6, 4), moments[1:])
        self.assertEqual(outage.window_cluster(moments, now, 6, 5), [])
        self.assertEqual(outage.window_cluster(moments, now, 0, 1), [])


class TestRecap(unittest.TestCase):

    def test_percentage(self):
        self.assertEqual(recap.percentage(2, 3), 66.7)
        self.assertIsNone(recap.percentage(1, 0))

    def test_age_bucket(self):
        self.assertEqual(recap.age_bucket(0), '0-1')
        self.assertEqual(recap.age_bucket(3), '2-3')
        self.assertEqual(recap.age_bucket(7), '4-7')
        self.assertEqual(recap.age_bucket(30), '8-30')
        self.assertEqual(recap.age_bucket(31), '>30')
        self.assertIn("WHEN d <= 1 THEN '0-1'", recap.age_bucket_sql('d'))

    def test_month_helpers(self):
        self.assertEqual(recap.month_label_id(2025, 3), 'Maret 2025')
        self.assertEqual(recap.month_bounds(2025, 12), ((2025, 12, 1), (2026, 1, 1)))
        with self.assertRaises(ValueError):
            recap.month_bounds(2025, 13)
        self.assertEqual(recap.format_hours(3.5), '3 j 30 m')
        self.assertEqual(recap.format_hours(None), '-')

    def test_handled_indicator(self):
        self.assertTrue(recap.meets_handled_target(80, 100))
        self.assertFalse(recap.meets_handled_target(79, 100))
        self.assertFalse(recap.meets_handled_target(0, 0))


class TestCustomerCsv(unittest.TestCase):

    def test_parse(self):
        content = ('customer_number;name;tariff_group;phone;zone_code\n'
                   '00123;Ali;R1;0812 1111 2222;Z1\n'
                   '124;Budi;;;\n').encode('utf-8')
        rows, errors = customer_csv.parse_customers(content, {'R1'})
        self.assertEqual(errors, [])
        self.assertEqual([r['customer_number'] for r in rows], ['00123', '124'])
        self.assertEqual(rows[0]['phone'], '6281211112222')
        self.assertEqual(rows[0]['zone_code'], 'Z1')
        self.assertEqual([r['line'] for r in rows], [2, 3])

    def test_errors(self):
        content = ('customer_number,name,tariff_group,phone\n'
                   'x1,Ali,R1,\n'
                   '5,,R1,\n'
                   '6,Cut,ZZ,\n'
                   '7,Dewi,R1,123\n'
                   '8,Evi,R1,\n'
                   '8,Evi lagi,R1,\n')
        rows, errors = customer_csv.parse_customers(content, {'R1'})
        self.assertEqual([r['customer_number'] for r in rows], ['8'])
        self.assertEqual(errors, [(2, 'bad_customer_number'), (3, 'missing_name'),
                                  (4, 'bad_tariff_group'), (5, 'bad_phone'),
                                  (7, 'duplicate_customer_number')])

    def test_missing_columns(self):
        rows, errors = customer_csv.parse_customers('name\nAli\n', set())
        self.assertEqual(rows, [])
        self.assertEqual(errors, [(1, 'missing_columns:customer_number')])
