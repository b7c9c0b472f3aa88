from odoo import fields, models


class HrSimpegReminder(models.Model):
    """One row per reminded event, so the daily job reminds each event
    once however often it runs."""
    _name = 'hr.simpeg.reminder'
    _description = 'Personnel event reminder'
    _order = 'event_date desc, id desc'
    _rec_name = 'employee_id'

    employee_id = fields.Many2one('hr.employee', required=True,
                                  ondelete='cascade', index=True)
    kind = fields.Selection([
        ('kgb', 'Periodic salary increase'),
        ('promotion', 'Promotion'),
        ('retirement', 'Retirement'),
    ], required=True)
    event_date = fields.Date(required=True)
    activity_id = fields.Many2one('mail.activity', ondelete='set null')

    _sql_constraints = [
        ('event_uniq', 'unique(employee_id, kind, event_date)',
         'This event has already been reminded.'),
    ]
