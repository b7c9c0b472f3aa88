from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import ComplaintCase


class TestWaterCustomer(ComplaintCase):

    def test_find_water_customer(self):
        Partner = self.Partner
        self.assertEqual(Partner._find_water_customer('90001'), self.customer)
        self.assertEqual(Partner._find_water_customer(' 90001 '), self.customer)
        self.assertFalse(Partner._find_water_customer('99999'))
        self.assertFalse(Partner._find_water_customer('abc'))
        self.assertFalse(Partner._find_water_customer(False))
        self.assertEqual(Partner._find_water_customer('99999')._name,
                         'res.partner')

    def test_is_water_customer(self):
        self.assertTrue(self.customer.is_water_customer)
        other = self.Partner.create({'name': 'Bukan pelanggan'})
        self.assertFalse(other.is_water_customer)

    def test_customer_number_unique(self):
        with mute_logger('odoo.sql_db'), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.Partner.create({'name': 'Ganda', 'customer_number': '90001'})

    def test_customer_number_digits_only(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.Partner.create({'name': 'Salah', 'customer_number': '90A01'})
        self.assertFalse(self.Partner.search([('name', '=', 'Salah')]))
