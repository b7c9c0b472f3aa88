import datetime
import logging

from psycopg2 import OperationalError

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.duedate import due_date, service_period

_logger = logging.getLogger(__name__)


class AccountAnalyticAccount(models.Model):
    _inherit = 'account.analytic.account'

    vendor_billing = fields.Boolean(
        string='Vendor billing',
        help="Invoice this contract monthly with a cover letter and the "
             "monthly maintenance & development report.")
    billing_sequence_id = fields.Many2one(
        'ir.sequence', string='Invoice numbering',
        default=lambda self: self.env.ref(
            'vendor_billing.seq_vendor_billing_invoice', False))
    billing_due_day = fields.Integer(
        string='Due day', default=10,
        help="Day of the month after the service period on which payment is "
             "due; moved to the next working day on weekends, public holidays "
             "and collective leave days.")
    billing_bank_account_id = fields.Many2one(
        'res.partner.bank', string='Bank account',
        domain="[('partner_id', '=', company_partner_id)]",
        help="The company's account the customer pays into.")
    company_partner_id = fields.Many2one(
        related='company_id.partner_id', readonly=True)
    addressee = fields.Char(
        default='Direktur',
        help="Who the letter is addressed to, before the customer's name.")
    letter_city = fields.Char(string='Place of the letter', default='Langsa')
    signatory_name = fields.Char()
    signatory_title = fields.Char(default='Direktur')
    contact_phone = fields.Char()
    contact_email = fields.Char()
    work_name = fields.Char(string='Work', default='Maintenance & Development')
    system_name = fields.Char(
        string='System', default='Sistem Informasi Portal Pegawai')
    application_ids = fields.Many2many(
        'vendor.billing.application', string='Applications')
    server_ids = fields.Many2many(
        'vendor.billing.server', string='Servers',
        help="Servers whose visits the monthly report shows.")
    billing_invoice_ids = fields.One2many(
        'account.invoice', 'contract_id', string='Invoices',
        domain=[('billing_period', '!=', False)])
    billing_report_ids = fields.One2many(
        'vendor.billing.report', 'contract_id', string='Monthly reports')

    @api.constrains('billing_due_day')
    def _check_billing_due_day(self):
        for contract in self.filtered('vendor_billing'):
            if not 1 <= contract.billing_due_day <= 31:
                raise ValidationError(_(
                    'The due day must be between 1 and 31 (contract %s).')
                    % contract.name)

    def _vendor_billing_period(self):
        self.ensure_one()
        return service_period(
            fields.Date.from_string(self.recurring_next_date))

    def _vendor_billing_invoice_for(self, period_start):
        return self.env['account.invoice'].search([
            ('contract_id', '=', self.id),
            ('billing_period', '=', fields.Date.to_string(period_start)),
        ], limit=1)

    def _vendor_billing_due_date(self, period_start):
        self.ensure_one()
        Holidays = self.env['hr.holidays.public']
        from_day = period_start.replace(day=1)
        to_day = from_day + datetime.timedelta(days=92)
        holidays = Holidays._vendor_billing_non_working_days(from_day, to_day)
        return due_date(period_start, self.billing_due_day or 10, holidays)

    def _vendor_billing_lock(self):
        """Lock the contract row so that two runs at the same time cannot
        both invoice it; the second one gives up on this contract."""
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    'SELECT id FROM account_analytic_account WHERE id IN %s '
                    'FOR UPDATE NOWAIT', (tuple(self.ids),))
        except OperationalError:
            raise UserError(_('Contract %s is being invoiced by another '
                              'process; try again later.') % self.name)

    @api.multi
    def _prepare_invoice(self):
        vals = super(AccountAnalyticAccount, self)._prepare_invoice()
        if not self.vendor_billing:
            return vals
        start, _end = self._vendor_billing_period()
        sequence = self.billing_sequence_id or self.env.ref(
            'vendor_billing.seq_vendor_billing_invoice')
        number = sequence.next_by_id()
        vals.update({
            'billing_period': fields.Date.to_string(start),
            'billing_number': number,
            'name': _('Tagihan Langganan & Laporan Aplikasi #%s')
            % start.strftime('%Y%m'),
            'payment_term_id': False,
            'date_due': fields.Date.to_string(
                self._vendor_billing_due_date(start)),
        })
        return vals

    @api.multi
    def recurring_create_invoice(self):
        billing = self.filtered('vendor_billing')
        invoices = super(AccountAnalyticAccount, self - billing)\
            .recurring_create_invoice()
        for contract in billing:
            contract._vendor_billing_lock()
            start, _end = contract._vendor_billing_period()
            existing = contract._vendor_billing_invoice_for(start)
            if existing:
                if not self.env.context.get('cron'):
                    raise UserError(_(
                        'The service period %s of contract %s is already '
                        'invoiced (%s).') % (start.strftime('%m/%Y'),
                                             contract.name,
                                             existing.billing_number))
                contract.recurring_next_date = fields.Date.to_string(
                    fields.Date.from_string(contract.recurring_next_date) +
                    contract.get_relative_delta(contract.recurring_rule_type,
                                                contract.recurring_interval))
                continue
            invoice = super(AccountAnalyticAccount, contract)\
                .recurring_create_invoice()
            invoice._vendor_billing_attach_report()
            invoices |= invoice
        return invoices

    @api.model
    def cron_vendor_billing(self, date_ref=None):
        """Invoice every vendor billing contract for each service period due
        by `date_ref`, catching up missed months; periods already invoiced
        are skipped, so running twice changes nothing."""
        date_ref = date_ref or fields.Date.context_today(self)
        if not isinstance(date_ref, str):
            date_ref = fields.Date.to_string(date_ref)
        contracts = self.with_context(cron=True).search([
            ('vendor_billing', '=', True),
            ('recurring_invoices', '=', True),
            ('recurring_next_date', '<=', date_ref),
        ])
        invoices = self.env['account.invoice']
        for contract in contracts:
            while contract.recurring_next_date <= date_ref and (
                    not contract.date_end or
                    contract.recurring_next_date <= contract.date_end):
                previous = contract.recurring_next_date
                try:
                    with self.env.cr.savepoint():
                        created = contract.recurring_create_invoice()
                except UserError as error:
                    self.invalidate_cache()
                    _logger.warning('Vendor billing skipped contract %s: %s',
                                    contract.name, error.name)
                    break
                invoices |= created
                if contract.recurring_next_date == previous:
                    break
        return invoices

    @api.multi
    def action_vendor_billing_invoices(self):
        self.ensure_one()
        action = self.env.ref('account.action_invoice_tree1').read()[0]
        action['domain'] = [('contract_id', '=', self.id)]
        action['context'] = {'default_contract_id': self.id}
        return action
