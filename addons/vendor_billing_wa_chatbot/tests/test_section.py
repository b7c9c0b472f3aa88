from odoo.addons.vendor_billing.tests.common import VendorBillingCase


class TestChatbotSection(VendorBillingCase):

    @classmethod
    def setUpClass(cls):
        super(TestChatbotSection, cls).setUpClass()
        cls.env.user.tz = 'Asia/Jakarta'
        Interaction = cls.env['wa.interaction']
        for phone, number, date in [
                ('6281100000001', '90001', '2024-09-24 02:24:21'),
                ('6281100000001', '90001', '2024-09-24 03:00:00'),
                ('6281100000002', '90002', '2024-09-30 15:53:57'),
                ('6281100000003', '90003', '2024-10-01 01:00:00')]:
            Interaction.create({'phone': phone, 'customer_number': number,
                                'date': date, 'intent': 'complaint',
                                'outcome': 'complaint_created'})

    def _section(self, period):
        report = self.env['vendor.billing.report'].create({
            'contract_id': self.contract.id, 'period': period})
        sections = report._prepare_sections()
        return [s for s in sections if s['code'] == 'chatbot'][0], sections

    def test_month_table_and_summary(self):
        section, sections = self._section('2024-09-01')
        codes = [s['code'] for s in sections]
        self.assertLess(codes.index('visits'), codes.index('chatbot'))
        mine = [r for r in section['values']['rows']
                if r['phone'].startswith('62811000000')]
        self.assertEqual(len(mine), 3)
        # shown in local time (UTC+7): 15:53:57 UTC is 22:53:57
        self.assertEqual(mine[0]['time'], '2024-09-30 22:53:57')
        self.assertEqual(mine[0]['customer_number'], '90002')
        self.assertIn('2024-09-30 22:53:57', section['html'])
        total = section['values']['total']
        self.assertIn('Jumlah interaksi pada September 2024: %d' % total,
                      section['values']['summary'][0])

    def test_month_boundary_in_local_time(self):
        # 2024-10-01 01:00 UTC is 08:00 on 1 October in Jakarta
        section, _sections = self._section('2024-10-01')
        phones = [r['phone'] for r in section['values']['rows']]
        self.assertIn('6281100000003', phones)
        self.assertNotIn('6281100000002', phones)

    def test_empty_month(self):
        section, _sections = self._section('2019-01-01')
        self.assertEqual(
            section['empty_text'],
            'Tidak ada interaksi WhatsApp chatbot pada periode Januari 2019.')
