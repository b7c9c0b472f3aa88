# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring
from .kinerja_plan import check_workflow_write

ACTIVITY_STATES = [
    ('draft', 'Draft'),
    ('submitted', 'Submitted'),
    ('approved', 'Approved'),
    ('rejected', 'Rejected'),
]
ACTIVITY_WORKFLOW_FIELDS = ('state', 'approved_by_id', 'approved_date',
                            'reject_reason')


class KinerjaActivity(models.Model):
    """A daily activity report against one target of the employee's
    approved plan."""
    _name = 'kinerja.activity'
    _inherit = ['mail.thread']
    _description = 'Daily Activity Report'
    _order = 'date desc, id desc'

    name = fields.Char('Description', required=True)
    date = fields.Date(required=True, index=True,
                       default=fields.Date.context_today)
    employee_id = fields.Many2one(
        'hr.employee', required=True, index=True,
        default=lambda self: self.env.user.employee_ids[:1])
    target_id = fields.Many2one(
        'kinerja.target', required=True, index=True, ondelete='restrict',
        domain="[('employee_id', '=', employee_id), "
               "('plan_id.state', '=', 'approved')]")
    plan_id = fields.Many2one(
        'kinerja.plan', related='target_id.plan_id', store=True,
        readonly=True, index=True)
    quantity = fields.Float(default=1.0)
    uom = fields.Char(related='target_id.uom', readonly=True)
    duration = fields.Float('Duration (hours)', required=True, default=1.0)
    attachment_ids = fields.Many2many(
        'ir.attachment', string='Evidence',
        help='Documents or photos that show the work done.')
    state = fields.Selection(
        ACTIVITY_STATES, default='draft', required=True, copy=False,
        index=True, track_visibility='onchange')
    reject_reason = fields.Text(copy=False, readonly=True,
                                track_visibility='onchange')
    approved_by_id = fields.Many2one(
        'res.users', string='Reviewed by', copy=False, readonly=True)
    approved_date = fields.Date('Reviewed on', copy=False, readonly=True)
    department_id = fields.Many2one(
        'hr.department', related='employee_id.department_id', store=True,
        readonly=True)
    manager_id = fields.Many2one(
        'hr.employee', string='Supervisor', related='employee_id.parent_id',
        store=True, readonly=True)
    company_id = fields.Many2one(
        'res.company', required=True,
        default=lambda self: self.env.user.company_id)

    def _kinerja_today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    def _scheme(self):
        return self.env['kinerja.scheme']._get_scheme(self.company_id)

    @api.constrains('quantity', 'duration')
    def _check_amounts(self):
        for activity in self:
            if activity.quantity < 0:
                raise ValidationError(_(
                    'The quantity of a daily report cannot be negative.'))
            if not 0 < activity.duration <= 24:
                raise ValidationError(_(
                    'The duration of a daily report must be above 0 and at '
                    'most 24 hours.'))

    @api.constrains('target_id', 'employee_id', 'date')
    def _check_target(self):
        for activity in self:
            target = activity.target_id.sudo()
            if target.plan_id.employee_id != activity.employee_id:
                raise ValidationError(_(
                    'A daily report can only be made on one\'s own targets: '
                    '"%s" belongs to %s.') % (
                        target.name, target.plan_id.employee_id.name))
            if target.plan_id.state != 'approved':
                raise ValidationError(_(
                    'The plan of target "%s" is not approved yet.')
                    % target.name)
            year = fields.Date.from_string(activity.date).year
            if target.plan_id.year != year:
                raise ValidationError(_(
                    'The target "%s" belongs to the plan of %s, not of %s.')
                    % (target.name, target.plan_id.year, year))

    @api.constrains('date', 'employee_id')
    def _check_date_window(self):
        if self.env.user.has_group('hr_kinerja.group_kinerja_manager'):
            today = self._kinerja_today()
            for activity in self:
                if fields.Date.from_string(activity.date) > today:
                    raise ValidationError(_(
                        'Daily reports cannot be made for future dates '
                        '(%s).') % activity.date)
            return
        for activity in self:
            window = activity._scheme().report_window_days
            error = scoring.report_date_error(
                fields.Date.from_string(activity.date),
                self._kinerja_today(), window)
            if error == 'future':
                raise ValidationError(_(
                    'Daily reports cannot be made for future dates (%s).')
                    % activity.date)
            if error == 'too_old':
                raise ValidationError(_(
                    'Daily reports can only be made up to %s days back; '
                    '%s is too old.') % (window, activity.date))

    @api.constrains('date', 'employee_id', 'duration', 'state')
    def _check_hours_per_day(self):
        pairs = {(a.employee_id.id, a.date): a for a in self}
        for (employee_id, date), activity in pairs.items():
            self.env.cr.execute("""
                SELECT coalesce(sum(duration), 0) FROM kinerja_activity
                 WHERE employee_id = %s AND date = %s
                   AND state != 'rejected'""", (employee_id, date))
            hours = self.env.cr.fetchone()[0]
            max_hours = activity._scheme().max_hours_per_day
            if scoring.hours_exceeded([hours], max_hours):
                raise ValidationError(_(
                    'No more than %s hours can be reported for one day; '
                    '%s hours are reported for %s.')
                    % (max_hours, round(hours, 2), date))

    @api.onchange('employee_id')
    def _onchange_employee_id(self):
        if self.target_id and self.target_id.employee_id != self.employee_id:
            self.target_id = False

    @api.multi
    def write(self, vals):
        check_workflow_write(self, vals, ACTIVITY_WORKFLOW_FIELDS)
        if not self.env.user.has_group('hr_kinerja.group_kinerja_manager') \
                and set(vals) - set(ACTIVITY_WORKFLOW_FIELDS) \
                and any(a.state not in ('draft', 'rejected') for a in self):
            raise UserError(_(
                'A submitted or approved daily report cannot be changed.'))
        return super(KinerjaActivity, self).write(vals)

    @api.multi
    def unlink(self):
        if any(a.state == 'approved' for a in self) and not \
                self.env.user.has_group('hr_kinerja.group_kinerja_manager'):
            raise UserError(_('Approved daily reports cannot be deleted.'))
        return super(KinerjaActivity, self).unlink()

    # Review ------------------------------------------------------------

    def _check_can_review(self):
        """The reviewer is not the reporter, and is HR or above the
        reporter in the manager hierarchy."""
        user_employees = self.env.user.employee_ids
        own = self.filtered(lambda a: a.employee_id in user_employees)
        if own:
            raise UserError(_(
                'You cannot approve or reject your own daily report (%s).')
                % own[0].name)
        if self.env.user.has_group('hr_kinerja.group_kinerja_manager'):
            return
        team = user_employees._kinerja_team()
        appraised = self.sudo().mapped('plan_id').filtered(
            lambda p: p.appraiser_id in user_employees).mapped('employee_id')
        outside = self.filtered(
            lambda a: a.employee_id not in team | appraised)
        if outside:
            raise UserError(_(
                'Only the supervisor of %s or HR may review their daily '
                'reports.') % outside[0].employee_id.name)

    @api.multi
    def action_submit(self):
        self.check_access_rights('write')
        self.check_access_rule('write')
        if any(a.state not in ('draft', 'rejected') for a in self):
            raise UserError(_('Only draft or rejected reports can be '
                              'submitted.'))
        self.sudo().write({'state': 'submitted', 'reject_reason': False})
        return True

    @api.multi
    def action_approve(self):
        """Approve the selected reports (several at once from the list)."""
        if any(a.state != 'submitted' for a in self):
            raise UserError(_('Only submitted reports can be approved.'))
        self._check_can_review()
        self.sudo().write({
            'state': 'approved',
            'approved_by_id': self.env.uid,
            'approved_date': fields.Date.context_today(self),
        })
        return True

    @api.multi
    def action_reject(self, reason):
        if not reason or not reason.strip():
            raise UserError(_('Give a reason for rejecting the report.'))
        if any(a.state != 'submitted' for a in self):
            raise UserError(_('Only submitted reports can be rejected.'))
        self._check_can_review()
        self.sudo().write({
            'state': 'rejected',
            'reject_reason': reason.strip(),
            'approved_by_id': self.env.uid,
            'approved_date': fields.Date.context_today(self),
        })
        return True

    @api.multi
    def action_open_reject_wizard(self):
        return {
            'type': 'ir.actions.act_window',
            'name': _('Reject daily reports'),
            'res_model': 'kinerja.activity.reject.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_activity_ids': [(6, 0, self.ids)]},
        }
