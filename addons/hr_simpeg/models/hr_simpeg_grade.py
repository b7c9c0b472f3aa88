from odoo import fields, models


class HrSimpegGrade(models.Model):
    _name = 'hr.simpeg.grade'
    _description = 'Grade (golongan/ruang)'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=False,
                       help='Grade code, e.g. III/a')
    title = fields.Char(help='Rank title, e.g. Penata Muda')
    sequence = fields.Integer(
        default=10, required=True,
        help='Lower grades first: the higher the sequence, the higher '
             'the grade in the seniority list.')
    active = fields.Boolean(default=True)
    employee_count = fields.Integer(compute='_compute_employee_count')

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'A grade with this name already exists.'),
    ]

    def _compute_employee_count(self):
        groups = self.env['hr.employee'].sudo().read_group(
            [('grade_id', 'in', self.ids)], ['grade_id'], ['grade_id'])
        counts = {g['grade_id'][0]: g['grade_id_count'] for g in groups}
        for grade in self:
            grade.employee_count = counts.get(grade.id, 0)
