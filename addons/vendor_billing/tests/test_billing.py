import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import VendorBillingCase


class TestBilling(VendorBillingCase):

    def _invoices(self, contract=None):
        return self.env['account.invoice'].search(
            [('contract_id', '=', (contract or self.contract).id)],
            order='billing_period')

    def test_invoice_for_previous_month(self):
        invoices = self.contract.recurring_create_invoice()
        self.assertEqual(len(invoices), 1)
        invoice = invoices
        self.assertEqual(invoice.billing_period, '2024-09-01')
        self.assertEqual(invoice.billing_number, 'INV0075')
        self.assertEqual(invoice.name,
                         'Tagihan Langganan & Laporan Aplikasi #202409')
        self.assertEqual(invoice.date_invoice, '2024-10-03')
        self.assertEqual(invoice.date_due, '2024-10-10')
        self.assertEqual(invoice.amount_total, 2500000)
        self.assertEqual(self.contract.recurring_next_date, '2024-11-03')
        self.assertEqual(invoice.billing_report_id.period, '2024-09-01')

    def test_due_date_moves_over_holidays(self):
        # period March 2024: 10 April is Idul Fitri, cuti bersama till 15th
        contract = self._make_contract(name='Lebaran',
                                       recurring_next_date='2024-04-03')
        invoice = contract.recurring_create_invoice()
        self.assertEqual(invoice.date_due, '2024-04-16')
        # the collective leave of 15 April is data: removing it moves the date
        self.env['hr.holidays.public.line'].search(
            [('date', '=', '2024-04-15')]).unlink()
        contract2 = self._make_contract(name='Lebaran 2',
                                        recurring_next_date='2024-04-03')
        self.assertEqual(contract2.recurring_create_invoice().date_due,
                         '2024-04-15')

    def test_period_already_invoiced_refused(self):
        self.contract.recurring_create_invoice()
        self.contract.recurring_next_date = '2024-10-03'
        with self.assertRaisesRegex(UserError, 'already invoiced'):
            self.contract.recurring_create_invoice()
        self.assertEqual(len(self._invoices()), 1)

    def test_cron_twice_and_catch_up(self):
        contract = self._make_contract(name='Catch up',
                                       recurring_next_date='2024-07-03')
        Contract = self.env['account.analytic.account']
        first = Contract.cron_vendor_billing('2024-10-05')
        mine = first.filtered(lambda i: i.contract_id == contract)
        self.assertEqual(mine.mapped('billing_period'),
                         ['2024-06-01', '2024-07-01', '2024-08-01', '2024-09-01'])
        self.assertEqual(len(set(mine.mapped('billing_number'))), 4)
        self.assertEqual(contract.recurring_next_date, '2024-11-03')
        second = Contract.cron_vendor_billing('2024-10-05')
        self.assertFalse(second.filtered(lambda i: i.contract_id == contract))
        self.assertEqual(len(self._invoices(contract)), 4)

    def test_cron_skips_period_invoiced_by_hand(self):
        contract = self._make_contract(name='Skip',
                                       recurring_next_date='2024-09-03')
        contract.recurring_create_invoice()
        contract.recurring_next_date = '2024-09-03'
        invoices = self.env['account.analytic.account'].cron_vendor_billing(
            '2024-10-04')
        mine = invoices.filtered(lambda i: i.contract_id == contract)
        self.assertEqual(mine.mapped('billing_period'), ['2024-09-01'])
        self.assertEqual(len(self._invoices(contract)), 2)

    def test_unique_constraint(self):
        invoice = self.contract.recurring_create_invoice()
        with mute_logger('odoo.sql_db'), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                invoice.copy({'billing_period': invoice.billing_period})

    def test_due_day_validated(self):
        with self.assertRaises(ValidationError):
            self.contract.billing_due_day = 32

    def test_amount_to_text_indonesian(self):
        idr = self.env.ref('base.IDR')
        self.assertEqual(idr.with_context(lang='id_ID').amount_to_text(1001000),
                         'satu juta seribu rupiah')
        self.assertEqual(idr.with_context(lang='id_ID').amount_to_text(2500000.5),
                         'dua juta lima ratus ribu rupiah lima puluh sen')
        self.assertEqual(idr.with_context(lang='id_ID').amount_to_text(0),
                         'nol rupiah')

    def test_letter_values(self):
        invoice = self.contract.recurring_create_invoice()
        values = invoice._vendor_billing_letter_values()
        self.assertEqual(values['number'], 'INV0075')
        self.assertEqual(values['period'], 'September 2024')
        self.assertEqual(values['due_date'], '10 Oktober 2024')
        self.assertEqual(values['letter_date'], '03 Oktober 2024')
        self.assertEqual(values['city'], 'Langsa')
        self.assertEqual(values['bank_account'], '1234567890')
        self.assertEqual(values['bank_name'], 'Bank Test Syariah')
        self.assertEqual(values['addressee'], 'Direktur PERUMDA Test Tirta')
        self.assertIn('2.500.000', values['amount'])

    def test_send_refused_without_bank_account(self):
        contract = self._make_contract(name='No bank',
                                       billing_bank_account_id=False)
        invoice = contract.recurring_create_invoice()
        mails = self.env['mail.mail'].search_count([])
        attachments = self.env['ir.attachment'].search_count(
            [('res_model', '=', 'account.invoice'), ('res_id', '=', invoice.id)])
        with self.assertRaisesRegex(UserError, 'no bank account'):
            invoice.action_vendor_billing_send()
        self.assertEqual(self.env['mail.mail'].search_count([]), mails)
        self.assertEqual(self.env['ir.attachment'].search_count(
            [('res_model', '=', 'account.invoice'), ('res_id', '=', invoice.id)]),
            attachments)
        self.assertFalse(invoice.sent)
