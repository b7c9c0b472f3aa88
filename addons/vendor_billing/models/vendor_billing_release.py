from odoo import fields, models


class VendorBillingRelease(models.Model):
    _name = 'vendor.billing.release'
    _description = 'Application release'
    _order = 'date desc, id desc'
    _rec_name = 'version'

    contract_id = fields.Many2one(
        'account.analytic.account', required=True, ondelete='cascade',
        index=True, domain=[('vendor_billing', '=', True)])
    version = fields.Char(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    source_url = fields.Char(string='Source')
    change_ids = fields.One2many('vendor.billing.release.change',
                                 'release_id', string='Changes', copy=True)
    company_id = fields.Many2one(related='contract_id.company_id', store=True,
                                 readonly=True)

    _sql_constraints = [
        ('version_unique', 'unique(contract_id, version)',
         'This version is already recorded for the contract.'),
    ]


class VendorBillingReleaseChange(models.Model):
    _name = 'vendor.billing.release.change'
    _description = 'Change in a release'
    _order = 'sequence, id'

    release_id = fields.Many2one('vendor.billing.release', required=True,
                                 ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    title = fields.Char(required=True)
    name = fields.Text(string='Description', required=True)
