# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [('draft', 'Draft'), ('confirm', 'To Approve'),
          ('approved', 'Approved'), ('refused', 'Refused'),
          ('cancel', 'Cancelled')]
PROTECTED = ('state', 'approver_id', 'approval_date')


class HrPresensiDuty(models.Model):
    _name = 'hr.presensi.duty'
    _description = 'Official Duty Elsewhere (Dinas Luar)'
    _inherit = ['mail.thread']
    _order = 'date_from desc, id desc'

    def _default_employee(self):
        return self.env.user.employee_ids[:1]

    name = fields.Char('Purpose', required=True, track_visibility='onchange')
    employee_id = fields.Many2one(
        'hr.employee', required=True, index=True, default=_default_employee,
        track_visibility='onchange')
    department_id = fields.Many2one(
        related='employee_id.department_id', store=True, readonly=True)
    date_from = fields.Date(required=True, track_visibility='onchange')
    date_to = fields.Date(required=True, track_visibility='onchange')
    place = fields.Char(required=True)
    reason = fields.Text(required=True)
    state = fields.Selection(STATES, default='draft', required=True,
                             readonly=True, track_visibility='onchange')
    approver_id = fields.Many2one('res.users', readonly=True, copy=False)
    approval_date = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        related='employee_id.company_id', store=True, readonly=True)

    @api.constrains('date_from', 'date_to')
    def _check_dates(self):
        for duty in self:
            if duty.date_to < duty.date_from:
                raise ValidationError(_(
                    'The official duty ends before it starts.'))

    @api.multi
    def write(self, vals):
        if (any(key in vals for key in PROTECTED)
                and not self.env.context.get('presensi_duty_transition')
                and not self.env.user.has_group(
                    'hr_presensi.group_presensi_officer')):
            raise UserError(_(
                'Use the buttons to submit, approve or refuse an official '
                'duty.'))
        if any(d.state == 'approved' for d in self) and set(vals) - set(
                PROTECTED + ('message_main_attachment_id',)) and \
                not self.env.user.has_group(
                    'hr_presensi.group_presensi_officer'):
            raise UserError(_('An approved official duty cannot be changed.'))
        return super(HrPresensiDuty, self).write(vals)

    def _transition(self, vals):
        return self.with_context(presensi_duty_transition=True).write(vals)

    @api.multi
    def _check_can_approve(self):
        user = self.env.user
        officer = user.has_group('hr_presensi.group_presensi_officer')
        mine = user.employee_ids
        for duty in self:
            if duty.employee_id in mine:
                raise UserError(_(
                    'You cannot approve or refuse your own official duty.'))
            if officer:
                continue
            manager = duty.employee_id.sudo().parent_id
            seen = set()
            while manager and manager.id not in seen:
                if manager in mine:
                    break
                seen.add(manager.id)
                manager = manager.parent_id
            else:
                raise UserError(_(
                    'Only the manager of %s or an attendance officer can '
                    'approve or refuse this official duty.')
                    % duty.employee_id.name)

    @api.multi
    def action_confirm(self):
        for duty in self:
            if duty.state != 'draft':
                raise UserError(_('Only a draft official duty can be '
                                  'submitted.'))
        self._transition({'state': 'confirm'})

    @api.multi
    def action_approve(self):
        if any(d.state != 'confirm' for d in self):
            raise UserError(_('Only a submitted official duty can be '
                              'approved.'))
        self._check_can_approve()
        self._transition({'state': 'approved', 'approver_id': self.env.uid,
                          'approval_date': fields.Datetime.now()})

    @api.multi
    def action_refuse(self):
        if any(d.state != 'confirm' for d in self):
            raise UserError(_('Only a submitted official duty can be '
                              'refused.'))
        self._check_can_approve()
        self._transition({'state': 'refused', 'approver_id': self.env.uid,
                          'approval_date': fields.Datetime.now()})

    @api.multi
    def action_cancel(self):
        if any(d.state == 'approved' for d in self) and not \
                self.env.user.has_group('hr_presensi.group_presensi_officer'):
            raise UserError(_('Only an attendance officer can cancel an '
                              'approved official duty.'))
        self._transition({'state': 'cancel'})

    @api.model
    def _approved_on(self, employee, day):
        """Approved duties of an employee covering a date."""
        day = fields.Date.to_string(day)
        return self.sudo().search([
            ('employee_id', '=', employee.id), ('state', '=', 'approved'),
            ('date_from', '<=', day), ('date_to', '>=', day)])
