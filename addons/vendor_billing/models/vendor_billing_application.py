from odoo import fields, models


class VendorBillingApplication(models.Model):
    _name = 'vendor.billing.application'
    _description = 'Application covered by a contract'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    is_new = fields.Boolean(string='New feature',
                            help="Shown as (Fitur Baru) in the report.")
    active = fields.Boolean(default=True)
