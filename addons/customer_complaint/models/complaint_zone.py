from odoo import fields, models


class ComplaintZone(models.Model):
    _name = 'complaint.zone'
    _description = 'Service Zone'
    _order = 'code, name'

    name = fields.Char(required=True, translate=False)
    code = fields.Char(required=True)
    active = fields.Boolean(default=True)
    description = fields.Text()
    partner_ids = fields.One2many('res.partner', 'zone_id', string='Customers')
    customer_count = fields.Integer(compute='_compute_customer_count')

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The zone code must be unique.'),
    ]

    def _compute_customer_count(self):
        groups = self.env['res.partner'].read_group(
            [('zone_id', 'in', self.ids)], ['zone_id'], ['zone_id'])
        counts = {g['zone_id'][0]: g['zone_id_count'] for g in groups}
        for zone in self:
            zone.customer_count = counts.get(zone.id, 0)
