from odoo.addons.vendor_billing.tests.common import VendorBillingCase


class TestComplaintSection(VendorBillingCase):

    @classmethod
    def setUpClass(cls):
        super(TestComplaintSection, cls).setUpClass()
        env = cls.env
        Category = env['helpdesk.ticket.category']
        cls.cat_a = Category.create({'name': 'VB Pipa Bocor'})
        cls.cat_b = Category.create({'name': 'VB Air Keruh'})
        Partner = env['res.partner']
        Ticket = env['helpdesk.ticket']
        for index, (category, date) in enumerate([
                (cls.cat_a, '2024-09-03 02:00:00'),
                (cls.cat_b, '2024-09-20 03:00:00'),
                (cls.cat_a, '2024-10-01 03:00:00')]):
            partner = Partner.create({
                'name': 'Pelanggan VB %d' % index, 'is_water_customer': True,
                'customer_number': '99%05d' % index})
            Ticket.with_context(complaint_now=date).create_complaint({
                'partner_id': partner.id, 'category_id': category.id,
                'complaint_date': date, 'description': 'Uji %d' % index})

    def _section(self, period):
        report = self.env['vendor.billing.report'].create({
            'contract_id': self.contract.id, 'period': period})
        sections = report._prepare_sections()
        return [s for s in sections if s['code'] == 'complaints'][0], sections

    def test_month_recap(self):
        section, sections = self._section('2024-09-01')
        self.assertEqual(sections[-1]['code'], 'complaints')
        self.assertEqual(section['letter'], 'D')
        self.assertFalse(section['empty_text'])
        mine = [r for r in section['values']['rows']
                if r['category'] in ('VB Pipa Bocor', 'VB Air Keruh')]
        self.assertEqual(sorted((r['category'], r['count']) for r in mine),
                         [('VB Air Keruh', 1), ('VB Pipa Bocor', 1)])
        self.assertIn('VB Pipa Bocor', section['html'])
        total = section['values']['total']['count']
        self.assertIn('tercatat %d pengaduan' % total,
                      section['values']['summary'][0])

    def test_empty_month(self):
        section, _sections = self._section('2019-01-01')
        self.assertEqual(section['empty_text'],
                         'Tidak ada pengaduan pelanggan pada periode Januari 2019.')
