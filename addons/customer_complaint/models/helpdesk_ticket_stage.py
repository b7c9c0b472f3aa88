from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = 'helpdesk.ticket.stage'

    sla_pause = fields.Boolean(
        string='Pauses the SLA Clock',
        help='While a complaint is in this stage (e.g. waiting for the '
             'customer), its resolution clock stops.')
    customer_template_id = fields.Many2one(
        'mail.template', string='Customer Notification',
        domain=[('model', '=', 'helpdesk.ticket')],
        help='Sent to the customer when a complaint reaches this stage.')
