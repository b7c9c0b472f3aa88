from odoo import fields, models


class HrSimpegFamily(models.Model):
    _name = 'hr.simpeg.family'
    _description = 'Family member'
    _order = 'employee_id, birth_date, id'

    employee_id = fields.Many2one(
        'hr.employee', string='Employee', required=True, ondelete='cascade',
        index=True)
    name = fields.Char(required=True)
    relation = fields.Selection([
        ('spouse', 'Spouse'),
        ('child', 'Child'),
        ('parent', 'Parent'),
        ('other', 'Other'),
    ], required=True, default='child')
    gender = fields.Selection([('male', 'Male'), ('female', 'Female')])
    birth_date = fields.Date()
    dependent = fields.Boolean(
        string='Dependent for Allowances',
        help='Counted for the family allowance.')
    occupation = fields.Char()
