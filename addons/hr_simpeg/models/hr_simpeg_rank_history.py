from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrSimpegDecreeMixin(models.AbstractModel):
    """A line of an employee's record backed by a decree (SK)."""
    _name = 'hr.simpeg.decree.mixin'
    _description = 'Decree-backed personnel record line'

    employee_id = fields.Many2one(
        'hr.employee', string='Employee', required=True, ondelete='cascade',
        index=True)
    decree_number = fields.Char(string='Decree Number')
    decree_date = fields.Date()
    decree_file = fields.Binary(string='Scanned Decree', attachment=True)
    decree_filename = fields.Char()
    note = fields.Char()

    def _effective_fields(self):
        return ['decree_date']

    @api.constrains('employee_id', 'decree_number')
    def _check_decree_number(self):
        for line in self:
            if not (line.decree_number or '').strip():
                raise ValidationError(_(
                    'The decree of %s (%s) has no number: enter the decree '
                    'number.') % (line.employee_id.name, line._description))

    @api.constrains('employee_id', 'decree_date')
    def _check_dates_after_birth(self):
        for line in self:
            birthday = line.employee_id.sudo().birthday
            if not birthday:
                continue
            for fname in line._effective_fields():
                if line[fname] and line[fname] < birthday:
                    raise ValidationError(_(
                        '%s of %s: the date %s (%s) is before the birth '
                        'date %s.') % (
                            line._description, line.employee_id.name,
                            line._fields[fname].get_description(
                                self.env)['string'],
                            line[fname], birthday))


class HrSimpegRankHistory(models.Model):
    _name = 'hr.simpeg.rank.history'
    _inherit = 'hr.simpeg.decree.mixin'
    _description = 'Rank history'
    _order = 'employee_id, date_effective desc, id desc'
    _rec_name = 'grade_id'

    grade_id = fields.Many2one('hr.simpeg.grade', string='Grade',
                               required=True, ondelete='restrict')
    date_effective = fields.Date(string='Effective Date (TMT)',
                                 required=True)
    kind = fields.Selection([
        ('initial', 'Initial appointment'),
        ('regular', 'Regular promotion'),
        ('choice', 'Promotion by merit'),
        ('other', 'Other'),
    ], default='regular', required=True)

    def _effective_fields(self):
        return ['decree_date', 'date_effective']

    @api.constrains('employee_id', 'decree_date', 'date_effective')
    def _check_dates_after_birth(self):
        return super(HrSimpegRankHistory, self)._check_dates_after_birth()
