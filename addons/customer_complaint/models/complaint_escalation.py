from odoo import fields, models


class ComplaintEscalation(models.Model):
    _name = 'complaint.escalation'
    _description = 'Complaint SLA Escalation'
    _order = 'date desc, id desc'

    ticket_id = fields.Many2one('helpdesk.ticket', required=True,
                                ondelete='cascade', index=True)
    level = fields.Selection([('at_risk', 'At risk'),
                              ('breached', 'Breached')], required=True)
    user_id = fields.Many2one('res.users', string='Escalated To')
    date = fields.Datetime(required=True, default=fields.Datetime.now)

    _sql_constraints = [
        ('ticket_level_unique', 'unique(ticket_id, level)',
         'A complaint is escalated only once per level.'),
    ]
