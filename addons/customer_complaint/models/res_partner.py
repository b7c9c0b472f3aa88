from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.validation import normalize_customer_number

TARIFF_GROUPS = [
    ('S1', 'Social (S1)'),
    ('S2', 'Special social (S2)'),
    ('R1', 'Household 1 (R1)'),
    ('R2', 'Household 2 (R2)'),
    ('R3', 'Household 3 (R3)'),
    ('N1', 'Small business (N1)'),
    ('N2', 'Large business (N2)'),
    ('I1', 'Government office (I1)'),
    ('K1', 'Industry (K1)'),
]


class ResPartner(models.Model):
    _inherit = 'res.partner'

    customer_number = fields.Char(
        string='Customer Number', index=True, copy=False,
        help='The water customer\'s ID (ID pelanggan).')
    meter_number = fields.Char(string='Meter Number', copy=False)
    tariff_group = fields.Selection(TARIFF_GROUPS)
    zone_id = fields.Many2one('complaint.zone', string='Service Zone',
                              index=True, ondelete='restrict')
    is_water_customer = fields.Boolean(
        string='Water Customer', compute='_compute_is_water_customer',
        store=True, index=True)

    _sql_constraints = [
        ('customer_number_unique', 'unique(customer_number)',
         'This customer number is already used by another customer.'),
    ]

    @api.depends('customer_number')
    def _compute_is_water_customer(self):
        for partner in self:
            partner.is_water_customer = bool(partner.customer_number)

    @api.constrains('customer_number')
    def _check_customer_number(self):
        # Only the number is read: imports check thousands at once.
        for partner in self.with_context(prefetch_fields=False):
            number = partner.customer_number
            if number and normalize_customer_number(number) != number:
                raise ValidationError(_(
                    'The customer number "%s" must contain digits only '
                    '(at most 10).') % partner.customer_number)

    @api.model
    def _find_water_customer(self, customer_number):
        """The water customer with this customer number, or an empty
        recordset."""
        number = normalize_customer_number(customer_number)
        if not number:
            return self.browse()
        return self.search([('customer_number', '=', number)], limit=1)
