from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import simpeg


class HrSimpegEducation(models.Model):
    _name = 'hr.simpeg.education'
    _description = 'Education history'
    _order = 'employee_id, year desc, id desc'
    _rec_name = 'level'

    employee_id = fields.Many2one(
        'hr.employee', string='Employee', required=True, ondelete='cascade',
        index=True)
    level = fields.Selection(simpeg.EDUCATION_LEVELS, required=True)
    institution = fields.Char(required=True)
    major = fields.Char()
    year = fields.Integer(string='Graduation Year')
    certificate_number = fields.Char()
    certificate_file = fields.Binary(string='Scanned Certificate',
                                     attachment=True)
    certificate_filename = fields.Char()

    @api.constrains('employee_id', 'year')
    def _check_year(self):
        for line in self:
            birthday = line.employee_id.sudo().birthday
            if line.year and birthday and line.year < int(birthday[:4]):
                raise ValidationError(_(
                    'The graduation year %s of %s is before their birth '
                    'date %s.') % (line.year, line.employee_id.name,
                                   birthday))
