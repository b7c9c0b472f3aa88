import datetime
import io
import zipfile

from mock import patch

from .common import VendorBillingCase

D = datetime.date


class TestReport(VendorBillingCase):

    @classmethod
    def setUpClass(cls):
        super(TestReport, cls).setUpClass()
        Visit = cls.env['vendor.billing.visit']
        for index, server in enumerate(cls.servers):
            counts = {}
            for day in range(1, 31):
                date = D(2024, 9, day)
                counts[date] = (100 if date.weekday() < 5 else 10) // (index + 1)
            Visit._set_counts(server, 'log', counts)
        release = cls.env['vendor.billing.release'].create({
            'contract_id': cls.contract.id, 'version': '2.18',
            'date': '2024-09-30', 'change_ids': [(0, 0, {
                'title': 'Update Fitur Baru 1',
                'name': 'Penambahan fitur rekap pengaduan.'})]})
        cls.release = release
        cls.env['vendor.billing.incident'].create({
            'contract_id': cls.contract.id, 'name': 'Gangguan Network Server',
            'date': '2024-09-12', 'kind': 'LACP Port Error',
            'action': 'Recovery Perangkat', 'impact': 'Tidak dapat diakses'})
        cls.report = cls.env['vendor.billing.report'].create({
            'contract_id': cls.contract.id, 'period': '2024-09-01',
            'date': '2024-10-04'})

    def test_sections(self):
        sections = self.report._prepare_sections()
        self.assertEqual([s['code'] for s in sections],
                         ['development', 'maintenance', 'visits'])
        self.assertEqual([s['letter'] for s in sections], ['A', 'B', 'C'])
        self.assertIn('Update Version', sections[0]['html'])
        self.assertIn('Senin, 30 September 2024', sections[0]['html'])
        self.assertIn('LACP Port Error', sections[1]['html'])
        visits = sections[2]
        self.assertIn('<svg', visits['html'])
        first = visits['values']['servers'][0]
        self.assertEqual(first['stats']['total'], 21 * 100 + 9 * 10)
        self.assertEqual(first['total'], '2.190')
        # the analysis quotes the same figures as the table
        self.assertIn('2.190', visits['html'])
        self.assertIn(first['rows'][2][1], visits['html'])

    def test_empty_month_said_plainly(self):
        report = self.env['vendor.billing.report'].create({
            'contract_id': self.contract.id, 'period': '2023-02-01'})
        sections = report._prepare_sections()
        texts = [s['empty_text'] for s in sections]
        self.assertEqual(texts, [
            'Tidak ada rilis aplikasi pada periode Februari 2023.',
            'Tidak ada gangguan server yang tercatat pada periode Februari 2023.',
            'Tidak ada data kunjungan untuk periode Februari 2023.'])
        html = self.env.ref('vendor_billing.action_report_monthly')\
            .render_qweb_html(report.ids)[0].decode()
        self.assertIn('Tidak ada data kunjungan untuk periode Februari 2023.', html)

    def test_extension_point(self):
        Report = type(self.report)
        original = Report._get_report_sections

        def with_extra(report):
            sections = original(report)
            sections.append({
                'code': 'extra', 'sequence': 25, 'title': 'EXTRA',
                'template': 'vendor_billing.section_maintenance',
                'values': {'incidents': [{'name': 'Injected', 'date': '',
                                          'kind': 'k', 'action': 'a',
                                          'impact': '', 'duration': '',
                                          'source': ''}]}})
            return sections

        with patch.object(Report, '_get_report_sections', with_extra):
            sections = self.report._prepare_sections()
        self.assertEqual([s['code'] for s in sections],
                         ['development', 'maintenance', 'extra', 'visits'])
        self.assertEqual(sections[2]['letter'], 'C')
        self.assertEqual(sections[3]['letter'], 'D')
        self.assertIn('Injected', sections[2]['html'])

    def test_period_must_be_month_start(self):
        from odoo.exceptions import ValidationError
        with self.assertRaises(ValidationError):
            self.env['vendor.billing.report'].create({
                'contract_id': self.contract.id, 'period': '2024-08-15'})

    def test_xlsx_has_native_charts(self):
        content, fmt = self.env.ref('vendor_billing.action_report_monthly_xlsx')\
            .render_xlsx(self.report.ids, {})
        self.assertEqual(fmt, 'xlsx')
        names = zipfile.ZipFile(io.BytesIO(content)).namelist()
        self.assertIn('xl/charts/chart1.xml', names)
        self.assertIn('xl/charts/chart2.xml', names)
        self.assertIn('xl/worksheets/sheet4.xml', names)

    def test_html_report(self):
        html = self.env.ref('vendor_billing.action_report_monthly')\
            .render_qweb_html(self.report.ids)[0].decode()
        self.assertIn('LAPORAN PERAWATAN SERVER DAN PENGEMBANGAN SISTEM '
                      'PERIODE SEPTEMBER 2024', html)
        self.assertIn('A. LAPORAN PENGEMBANGAN', html)
        self.assertIn('C. NUMBER OF VISITS REPORT', html)

    def test_send_mail_with_three_attachments(self):
        invoice = self.contract.recurring_create_invoice()
        invoice.action_vendor_billing_send()
        self.assertTrue(invoice.sent)
        mail = self.env['mail.mail'].search(
            [('model', '=', 'account.invoice'), ('res_id', '=', invoice.id)])
        self.assertEqual(len(mail), 1)
        names = mail.attachment_ids.mapped('name')
        self.assertEqual(len(names), 3, names)
        self.assertIn('Surat INV0075.pdf', names)
        self.assertIn('Laporan 202409.pdf', names)
        self.assertIn(self.customer, mail.recipient_ids)
        letter = self.env.ref('vendor_billing.action_report_cover_letter')\
            .render_qweb_html(invoice.ids)[0].decode()
        self.assertIn('Langsa, 03 Oktober 2024', letter)
        self.assertIn('dua juta lima ratus ribu rupiah', letter)
        self.assertIn('10 Oktober 2024', letter)
        self.assertIn('1234567890', letter)
