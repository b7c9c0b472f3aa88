from odoo import api, fields, models


class HrSimpegSalaryIncrease(models.Model):
    _name = 'hr.simpeg.salary.increase'
    _inherit = 'hr.simpeg.decree.mixin'
    _description = 'Periodic salary increase (KGB)'
    _order = 'employee_id, date_effective desc, id desc'
    _rec_name = 'decree_number'

    date_effective = fields.Date(string='Effective Date (TMT)',
                                 required=True)
    basic_salary = fields.Float(digits=(16, 0))
    grade_id = fields.Many2one('hr.simpeg.grade', string='Grade')

    def _effective_fields(self):
        return ['decree_date', 'date_effective']

    @api.constrains('employee_id', 'decree_date', 'date_effective')
    def _check_dates_after_birth(self):
        return super(HrSimpegSalaryIncrease, self)._check_dates_after_birth()
