from odoo import fields, models


class HrJob(models.Model):
    _inherit = 'hr.job'

    position_level = fields.Integer(
        default=0,
        help='Rank of the position in the seniority list (DUK): the higher '
             'the level, the higher the position.')
