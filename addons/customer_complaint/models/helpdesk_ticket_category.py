from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    _inherit = 'helpdesk.ticket.category'

    code = fields.Char()
    is_outage_category = fields.Boolean(
        string='Counts Towards Outages',
        help='Many complaints of such categories in one zone within the '
             'outage window form an outage.')
    public = fields.Boolean(
        string='On the Public Form', default=True,
        help='Offered to customers on the public complaint form.')
