from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PARAMS = {
    'simpeg_retirement_age': ('hr_simpeg.retirement_age', 56),
    'simpeg_kgb_interval': ('hr_simpeg.kgb_interval', 2),
    'simpeg_promotion_interval': ('hr_simpeg.promotion_interval', 4),
    'simpeg_reminder_days': ('hr_simpeg.reminder_days', 30),
}


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    simpeg_retirement_age = fields.Integer(
        string='Retirement Age', help='Default retirement age, in years.')
    simpeg_kgb_interval = fields.Integer(
        string='Salary Increase Every (years)')
    simpeg_promotion_interval = fields.Integer(
        string='Promotion Every (years)')
    simpeg_reminder_days = fields.Integer(
        string='Remind Days Before',
        help='Days before a salary increase, promotion or retirement date '
             'when the personnel officer gets an activity.')
    simpeg_reminder_user_id = fields.Many2one(
        'res.users', string='Reminders Go To',
        help='Empty: the first personnel officer.')
    simpeg_nipp_sequence_id = fields.Many2one(
        'ir.sequence', string='NIPP Sequence',
        default=lambda self: self.env.ref('hr_simpeg.seq_hr_simpeg_nipp',
                                          raise_if_not_found=False))

    @api.model
    def get_values(self):
        res = super(ResConfigSettings, self).get_values()
        get = self.env['ir.config_parameter'].sudo().get_param
        for fname, (key, default) in PARAMS.items():
            try:
                res[fname] = int(get(key, default))
            except ValueError:
                res[fname] = default
        try:
            user_id = int(get('hr_simpeg.reminder_user_id', 0))
        except ValueError:
            user_id = 0
        res['simpeg_reminder_user_id'] = user_id or False
        return res

    @api.multi
    def set_values(self):
        super(ResConfigSettings, self).set_values()
        self._check_simpeg_values()
        set_param = self.env['ir.config_parameter'].sudo().set_param
        get = self.env['ir.config_parameter'].sudo().get_param
        changed = False
        for fname, (key, _default) in PARAMS.items():
            value = str(self[fname])
            changed |= get(key) != value
            set_param(key, value)
        set_param('hr_simpeg.reminder_user_id',
                  str(self.simpeg_reminder_user_id.id or 0))
        if changed:
            self.env['hr.employee'].sudo()._simpeg_recompute_periodic()

    def _check_simpeg_values(self):
        for record in self:
            if not 30 <= record.simpeg_retirement_age <= 75:
                raise ValidationError(_(
                    'The retirement age must be between 30 and 75 years.'))
            if record.simpeg_kgb_interval < 1 \
                    or record.simpeg_promotion_interval < 1:
                raise ValidationError(_(
                    'Salary increase and promotion intervals must be at '
                    'least one year.'))
            if record.simpeg_reminder_days < 0:
                raise ValidationError(_(
                    'The reminder cannot come after the event: enter zero '
                    'or more days.'))
