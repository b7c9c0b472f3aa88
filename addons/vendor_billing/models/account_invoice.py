import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools.id_format import format_date, format_money, format_month
from ..tools.terbilang import amount_to_words


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    billing_period = fields.Date(
        string='Service period', readonly=True, copy=False,
        help="First day of the month this invoice bills.")
    billing_number = fields.Char(string='Letter number', readonly=True,
                                 copy=False, index=True)
    billing_report_id = fields.Many2one('vendor.billing.report',
                                        string='Monthly report', readonly=True,
                                        copy=False)

    _sql_constraints = [
        ('vendor_billing_period_unique', 'unique(contract_id, billing_period)',
         'This service period of the contract is already invoiced.'),
    ]

    def _vendor_billing_attach_report(self):
        for invoice in self.filtered('billing_period'):
            Report = self.env['vendor.billing.report']
            report = Report.search([
                ('contract_id', '=', invoice.contract_id.id),
                ('period', '=', invoice.billing_period)], limit=1)
            if not report:
                report = Report.create({
                    'contract_id': invoice.contract_id.id,
                    'period': invoice.billing_period,
                    'date': invoice.date_invoice,
                })
            invoice.billing_report_id = report

    # Values of the cover letter, all in Indonesian form.
    @api.multi
    def _vendor_billing_letter_values(self):
        self.ensure_one()
        contract = self.contract_id
        company = self.company_id
        bank = contract.billing_bank_account_id
        amount = self.amount_total
        currency = self.currency_id
        return {
            'number': self.billing_number or self.number or '',
            'subject': self.name or '',
            'period': format_month(self.billing_period),
            'amount': format_money(amount, currency.symbol if currency.name != 'IDR' else 'Rp'),
            'amount_words': currency.with_context(lang='id_ID').amount_to_text(amount)
            if currency else amount_to_words(amount),
            'due_date': format_date(self.date_due) if self.date_due else '',
            'letter_date': format_date(self.date_invoice or fields.Date.context_today(self)),
            'city': contract.letter_city or company.city or '',
            'addressee': ('%s %s' % (contract.addressee or '',
                                     self.partner_id.commercial_partner_id.name)).strip(),
            'customer': self.partner_id.commercial_partner_id.name,
            'bank_name': bank.bank_id.name or '',
            'bank_account': bank.acc_number or '',
            'bank_holder': (bank.partner_id.name or company.name or '').upper(),
            'phone': contract.contact_phone or company.phone or '',
            'email': contract.contact_email or company.email or '',
            'signatory_name': contract.signatory_name or '',
            'signatory_title': (contract.signatory_title or '').upper(),
        }

    @api.multi
    def _vendor_billing_check_sendable(self):
        for invoice in self:
            if not invoice.billing_period or not invoice.contract_id:
                raise UserError(_('Invoice %s is not a vendor billing invoice.')
                                % (invoice.billing_number or invoice.id))
            contract = invoice.contract_id
            if not contract.billing_bank_account_id:
                raise UserError(_(
                    'Contract %s has no bank account: set the bank account the '
                    'customer pays into before sending the invoice.')
                    % contract.name)
            if not contract.signatory_name:
                raise UserError(_('Contract %s has no signatory for the cover '
                                  'letter.') % contract.name)
            if not invoice.partner_id.email:
                raise UserError(_('Customer %s has no email address.')
                                % invoice.partner_id.name)

    @api.multi
    def _vendor_billing_attachments(self):
        """Cover letter and monthly report (PDF) as attachments."""
        self.ensure_one()
        if not self.billing_report_id:
            self._vendor_billing_attach_report()
        Attachment = self.env['ir.attachment']
        letter_pdf, _fmt = self.env.ref(
            'vendor_billing.action_report_cover_letter').render_qweb_pdf(self.ids)
        report_pdf, _fmt = self.env.ref(
            'vendor_billing.action_report_monthly').render_qweb_pdf(
                self.billing_report_id.ids)
        period = fields.Date.from_string(self.billing_period).strftime('%Y%m')
        attachments = Attachment
        for name, content in (
                ('Surat %s.pdf' % self.billing_number, letter_pdf),
                ('Laporan %s.pdf' % period, report_pdf)):
            attachments |= Attachment.create({
                'name': name, 'datas_fname': name,
                'datas': base64.b64encode(content),
                'res_model': 'account.invoice', 'res_id': self.id,
                'mimetype': 'application/pdf',
            })
        return attachments

    @api.multi
    def action_vendor_billing_send(self):
        """One mail with the invoice, the cover letter and the report; refused
        before anything is rendered or sent when something is missing."""
        self._vendor_billing_check_sendable()
        template = self.env.ref('vendor_billing.mail_template_vendor_billing')
        for invoice in self:
            attachments = invoice._vendor_billing_attachments()
            template.send_mail(invoice.id, email_values={
                'attachment_ids': attachments.ids})
            invoice.sent = True
        return True
