from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import simpeg


class HrSimpegPositionHistory(models.Model):
    _name = 'hr.simpeg.position.history'
    _inherit = 'hr.simpeg.decree.mixin'
    _description = 'Position history'
    _order = 'employee_id, date_start desc, id desc'
    _rec_name = 'job_id'

    job_id = fields.Many2one('hr.job', string='Position', required=True,
                             ondelete='restrict')
    department_id = fields.Many2one('hr.department', string='Unit')
    date_start = fields.Date(string='Effective Date (TMT)', required=True)
    date_end = fields.Date(string='End Date')

    def _effective_fields(self):
        return ['decree_date', 'date_start']

    @api.constrains('employee_id', 'decree_date', 'date_start')
    def _check_dates_after_birth(self):
        return super(HrSimpegPositionHistory, self)._check_dates_after_birth()

    @api.constrains('employee_id', 'date_start', 'date_end')
    def _check_periods(self):
        for line in self:
            if line.date_end and line.date_end < line.date_start:
                raise ValidationError(_(
                    'Position %s of %s ends (%s) before it starts (%s).') % (
                        line.job_id.name, line.employee_id.name,
                        line.date_end, line.date_start))
        for employee in self.mapped('employee_id'):
            lines = employee.position_history_ids
            pair = simpeg.first_overlap([
                (l.id, fields.Date.from_string(l.date_start),
                 fields.Date.from_string(l.date_end)) for l in lines])
            if pair:
                first, second = lines.browse(pair[0]), lines.browse(pair[1])
                raise ValidationError(_(
                    'The positions of %s overlap: %s (from %s to %s) and %s '
                    '(from %s to %s). End the earlier position before the '
                    'next one starts.') % (
                        employee.name,
                        first.job_id.name, first.date_start,
                        first.date_end or _('now'),
                        second.job_id.name, second.date_start,
                        second.date_end or _('now')))
