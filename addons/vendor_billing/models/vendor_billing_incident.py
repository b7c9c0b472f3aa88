from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class VendorBillingIncident(models.Model):
    _name = 'vendor.billing.incident'
    _description = 'Server incident'
    _order = 'date desc, id desc'

    contract_id = fields.Many2one(
        'account.analytic.account', required=True, ondelete='cascade',
        index=True, domain=[('vendor_billing', '=', True)])
    name = fields.Char(required=True, help="e.g. Gangguan Network Server")
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Char(string='Kind of disturbance', required=True)
    action = fields.Char(string='Action taken', required=True)
    impact = fields.Char()
    duration = fields.Float(string='Duration (hours)')
    source_url = fields.Char(string='Source')
    server_id = fields.Many2one('vendor.billing.server')
    company_id = fields.Many2one(related='contract_id.company_id', store=True,
                                 readonly=True)

    @api.constrains('duration')
    def _check_duration(self):
        for incident in self:
            if incident.duration < 0:
                raise ValidationError(_('The duration of an incident cannot be '
                                        'negative.'))
