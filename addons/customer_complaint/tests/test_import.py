import base64

from odoo.exceptions import UserError

from .common import ComplaintCase


class TestCustomerImport(ComplaintCase):

    def wizard(self, text, **extra):
        vals = {'file': base64.b64encode(text.encode('utf-8'))}
        vals.update(extra)
        return self.env['complaint.customer.import'].sudo(self.manager).create(vals)

    def test_import_creates_and_updates(self):
        text = ('customer_number;name;meter_number;tariff_group;zone_code;street;mobile\n'
                '40001;Ali;M-1;R1;TA;Jl. A;0812 1111 0001\n'
                '40002;Budi;M-2;N1;TB;Jl. B;\n'
                '90001;Pelanggan Satu Baru;M-3;R2;TA;Jl. C;\n')
        wizard = self.wizard(text)
        wizard.action_import()
        self.assertEqual((wizard.created_count, wizard.updated_count), (2, 1))
        ali = self.Partner._find_water_customer('40001')
        self.assertEqual(ali.zone_id, self.zone_a)
        self.assertEqual(ali.mobile, '6281211110001')
        self.assertEqual(ali.tariff_group, 'R1')
        self.assertEqual(self.customer.name, 'Pelanggan Satu Baru')

    def test_bad_rows_import_nothing(self):
        text = ('customer_number,name,tariff_group,zone_code\n'
                '41001,Cut,R1,TA\n'
                '41002,Dewi,R1,NOPE\n'
                'abc,Evi,R1,TA\n')
        wizard = self.wizard(text)
        with self.assertRaises(UserError) as ctx:
            wizard.action_import()
        self.assertIn('3', ctx.exception.name)
        self.assertIn('4', ctx.exception.name)
        self.assertFalse(self.Partner._find_water_customer('41001'))

    def test_existing_refused_without_update(self):
        wizard = self.wizard('customer_number,name\n90001,Lain\n', update_existing=False)
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertEqual(self.customer.name, 'Pelanggan Satu')

    def test_empty_or_wrong_file(self):
        with self.assertRaises(UserError):
            self.wizard('customer_number,name\n').action_import()
        with self.assertRaises(UserError):
            self.wizard('nomor;nama\n1;x\n').action_import()
