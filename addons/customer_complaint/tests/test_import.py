import base64

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

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


class TestBulkImport(ComplaintCase):
    """The wizard writes in bulk SQL; the partners it makes must be the
    same as the ORM's, for this addon and for Odoo."""

    ROWS = 3000

    def wizard(self, text, user=None, **extra):
        vals = {'file': base64.b64encode(text.encode('utf-8'))}
        vals.update(extra)
        return self.env['complaint.customer.import'].sudo(
            user or self.manager).create(vals)

    def register(self, rows, suffix=''):
        lines = ['customer_number;name;meter_number;tariff_group;zone_code;'
                 'street;city;phone;mobile;email']
        for i in range(rows):
            lines.append('%d;Pelanggan Massal %d%s;MM-%05d;%s;%s;'
                         'Jl. Massal %d;Sigli;;0813%08d;m%d@example.com'
                         % (600000 + i, i, suffix, i,
                            ('R1', 'N1', 'S1')[i % 3], ('TA', 'TB')[i % 2],
                            i, i, i))
        return '\n'.join(lines) + '\n'

    def imported(self):
        return self.Partner.search(
            [('customer_number', '>=', '600000'),
             ('customer_number', '<', '700000')])

    def test_thousands_created_then_updated(self):
        wizard = self.wizard(self.register(self.ROWS))
        wizard.action_import()
        self.assertEqual((wizard.created_count, wizard.updated_count),
                         (self.ROWS, 0))
        partners = self.imported()
        self.assertEqual(len(partners), self.ROWS)
        self.assertEqual(self.Partner.search_count(
            [('is_water_customer', '=', True),
             ('customer_number', 'like', '6%'),
             ('name', 'like', 'Pelanggan Massal')]), self.ROWS)
        for i in (0, 1, 1234, self.ROWS - 1):
            partner = self.Partner._find_water_customer(str(600000 + i))
            self.assertEqual(partner.name, 'Pelanggan Massal %d' % i)
            self.assertEqual(partner.display_name, partner.name)
            self.assertEqual(partner.meter_number, 'MM-%05d' % i)
            self.assertEqual(partner.tariff_group, ('R1', 'N1', 'S1')[i % 3])
            self.assertEqual(partner.zone_id,
                             (self.zone_a, self.zone_b)[i % 2])
            self.assertEqual(partner.mobile, '62813%08d' % i)
            self.assertEqual(partner.email, 'm%d@example.com' % i)
            self.assertFalse(partner.phone)
            self.assertEqual(partner.commercial_partner_id, partner)
            self.assertTrue(partner.customer and partner.active)
            self.assertTrue(partner.is_water_customer)
            self.assertEqual(partner.company_id, self.env.user.company_id)
            self.assertEqual(partner.create_uid, self.manager)
        # The same file again, renamed: updates, no duplicates.
        wizard = self.wizard(self.register(self.ROWS, suffix=' baru'))
        wizard.action_import()
        self.assertEqual((wizard.created_count, wizard.updated_count),
                         (0, self.ROWS))
        self.assertEqual(self.imported(), partners)
        partner = self.Partner._find_water_customer('601234')
        self.assertEqual(partner.name, 'Pelanggan Massal 1234 baru')
        self.assertEqual(partner.display_name, 'Pelanggan Massal 1234 baru')
        self.assertEqual(self.Partner.search(
            [('name', '=', 'Pelanggan Massal 1234 baru')]), partner)

    def test_same_as_orm_partner(self):
        self.wizard('customer_number;name;meter_number;tariff_group;'
                    'zone_code;street;city;mobile;email\n'
                    '610001;Sama;MS-1;R2;TA;Jl. Sama;Sigli;0812 5555 0001;'
                    'sama@example.com\n').action_import()
        imported = self.Partner._find_water_customer('610001')
        orm = self.env['res.partner'].sudo(self.manager).with_context(
            tracking_disable=True, install_mode=True).create({
                'name': 'Sama', 'customer_number': '610002',
                'meter_number': 'MS-1', 'tariff_group': 'R2',
                'zone_id': self.zone_a.id, 'street': 'Jl. Sama',
                'city': 'Sigli', 'mobile': '6281255550001',
                'email': 'sama@example.com', 'customer': True})
        skip = {'id', 'customer_number', 'commercial_partner_id',
                'create_date', 'write_date', '__last_update'}
        names = [name for name, field in self.Partner._fields.items()
                 if field.store and name not in skip]
        imported.invalidate_cache()
        left = imported.sudo().read(names)[0]
        right = orm.sudo().read(names)[0]
        self.assertEqual({n: left[n] for n in names if left[n] != right[n]},
                         {})
        # Stored computed values are those the ORM computes.
        stored = [f for f in self.Partner._fields.values()
                  if f.store and f.compute]
        before = imported.read([f.name for f in stored])[0]
        for field in stored:
            self.env.add_todo(field, imported)
        imported.recompute()
        imported.invalidate_cache()
        self.assertEqual(imported.read([f.name for f in stored])[0], before)

    def test_imported_customer_works_everywhere(self):
        self.wizard('customer_number,name,zone_code,street,mobile\n'
                    '620001,Pengadu Impor,TB,Jl. Impor 2,0812 7777 0001\n'
                    ).action_import()
        partner = self.Partner._find_water_customer('620001')
        self.assertTrue(partner)
        self.assertEqual(self.Partner.search(
            [('customer_number', '=', '620001')]), partner)
        self.assertEqual(self.Partner.name_search('Pengadu Impor'),
                         [(partner.id, 'Pengadu Impor')])
        ticket = self.Ticket.create_complaint({
            'customer_number': '620001', 'category_id': self.cat_leak.id})
        self.assertEqual(ticket.partner_id, partner)
        self.assertEqual(ticket.zone_id, self.zone_b)
        self.assertEqual(ticket.team_id, self.team_b)
        self.assertEqual(ticket.address, 'Jl. Impor 2')
        self.assertEqual(ticket.phone, '6281277770001')
        # Visible to the officers as any customer is.
        both = [partner.customer_number, self.customer_b.customer_number]
        for user in (self.officer_b, self.officer_a, self.employee):
            found = self.Partner.sudo(user).search(
                [('customer_number', 'in', both)])
            self.assertEqual(len(found), 2)
        self.assertEqual(ticket.sudo(self.officer_b).partner_id.name,
                         'Pengadu Impor')
        with self.assertRaises(AccessError):
            ticket.sudo(self.officer_a).read(['name'])

    def test_number_stays_unique(self):
        self.wizard('customer_number,name\n630001,Unik\n').action_import()
        with self.assertRaises(IntegrityError), \
                mute_logger('odoo.sql_db'), self.cr.savepoint():
            self.Partner.create({'name': 'Ganda', 'customer_number': '630001'})
        with self.assertRaises(UserError):
            self.wizard('customer_number,name\n630002,A\n630002,B\n'
                        ).action_import()
        self.assertFalse(self.Partner._find_water_customer('630002'))

    def test_contact_of_a_company_updated_through_orm(self):
        company = self.Partner.create({'name': 'PT Air', 'is_company': True})
        contact = self.Partner.create({
            'name': 'Kontak', 'parent_id': company.id,
            'customer_number': '640001'})
        self.assertEqual(contact.display_name, 'PT Air, Kontak')
        wizard = self.wizard('customer_number,name,street\n'
                             '640001,Kontak Baru,Jl. Baru\n'
                             '640002,Lepas,Jl. Lepas\n')
        wizard.action_import()
        self.assertEqual((wizard.created_count, wizard.updated_count), (1, 1))
        self.assertEqual(contact.display_name, 'PT Air, Kontak Baru')
        self.assertEqual(contact.street, 'Jl. Baru')
        self.assertEqual(contact.commercial_partner_id, company)

    def test_without_partner_rights_nothing_written(self):
        wizard = self.wizard('customer_number,name\n650001,Tanpa Hak\n',
                             user=self.officer_a)
        with self.assertRaises(AccessError):
            wizard.action_import()
        self.assertFalse(self.Partner._find_water_customer('650001'))

    def test_many_errors_listed_nothing_written(self):
        text = self.register(50).replace(';TB;', ';NOPE;')
        with self.assertRaises(UserError) as ctx:
            self.wizard(text).action_import()
        # 25 wrong rows: the first 20 listed, then how many more.
        lines = ctx.exception.name.split('\n')
        self.assertEqual(len(lines), 22)
        self.assertIn('41', lines[-2])
        self.assertIn('5', lines[-1])
        self.assertFalse(self.imported())
