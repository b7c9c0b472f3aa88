# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring, text

PLAN_STATES = [
    ('draft', 'Draft'),
    ('submitted', 'Submitted'),
    ('approved', 'Approved'),
    ('revision', 'Revision'),
]
EDITABLE_STATES = ('draft', 'revision')
WORKFLOW_FIELDS = ('state', 'approved_date', 'approved_by_id')


def check_workflow_write(records, vals, fields_guarded=WORKFLOW_FIELDS):
    """Workflow fields change through the action buttons only, except
    for HR (kinerja managers)."""
    if records.env.uid == SUPERUSER_ID or not set(vals) & set(fields_guarded):
        return
    if records.env.user.has_group('hr_kinerja.group_kinerja_manager'):
        return
    raise UserError(_(
        'The status and approval of a record change only through its '
        'buttons (submit, approve, reject).'))


class KinerjaPlan(models.Model):
    """Yearly performance plan (SKP) of one employee."""
    _name = 'kinerja.plan'
    _inherit = ['mail.thread']
    _description = 'Performance Plan (SKP)'
    _order = 'year desc, employee_id'

    name = fields.Char(compute='_compute_name', store=True)
    employee_id = fields.Many2one(
        'hr.employee', required=True, index=True,
        default=lambda self: self._default_employee(),
        track_visibility='onchange')
    user_id = fields.Many2one(
        'res.users', related='employee_id.user_id', readonly=True)
    appraiser_id = fields.Many2one(
        'hr.employee', string='Appraiser', index=True,
        track_visibility='onchange',
        help='The supervisor who approves the plan and the daily reports; '
             'defaults to the employee\'s manager.')
    year = fields.Integer(
        'Year (number)', required=True,
        default=lambda self: fields.Date.from_string(
            fields.Date.context_today(self)).year)
    # The web client writes integers with a thousands separator ("2.026"
    # in Indonesian): views show, edit and group the year as this text.
    # Writing it sets the year (see _year_vals).
    year_label = fields.Char(
        'Year', compute='_compute_year_label', store=True, readonly=False,
        index=True)
    department_id = fields.Many2one('hr.department', index=True)
    job_id = fields.Many2one('hr.job', string='Position')
    grade_id = fields.Many2one('hr.simpeg.grade', string='Grade')
    nipp = fields.Char('Employee number (NIPP)')
    company_id = fields.Many2one(
        'res.company', required=True,
        default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        PLAN_STATES, default='draft', required=True, copy=False,
        track_visibility='onchange')
    target_ids = fields.One2many(
        'kinerja.target', 'plan_id', string='Targets', copy=True)
    total_weight = fields.Float(
        'Total weight (%)', compute='_compute_total_weight', store=True)
    approved_date = fields.Date(copy=False, readonly=True)
    approved_by_id = fields.Many2one(
        'res.users', string='Approved by', copy=False, readonly=True)
    revision_note = fields.Text(copy=False)

    _sql_constraints = [
        ('employee_year_uniq', 'unique(employee_id, year)',
         'An employee has only one performance plan per year.'),
    ]

    @api.model
    def _default_employee(self):
        return self.env.user.employee_ids[:1]

    @api.depends('employee_id.name', 'year')
    def _compute_name(self):
        for plan in self:
            plan.name = 'SKP %s - %s' % (plan.year or '',
                                         plan.employee_id.name or '')

    @api.depends('year')
    def _compute_year_label(self):
        for plan in self:
            plan.year_label = str(plan.year) if plan.year else False

    @api.depends('target_ids.weight')
    def _compute_total_weight(self):
        for plan in self:
            plan.total_weight = scoring.weights_total(
                plan.target_ids.mapped('weight'))

    @api.constrains('year')
    def _check_year(self):
        for plan in self.sudo():
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(_(
                    'The plan year %s is not a valid year.') % plan.year)

    @api.constrains('employee_id', 'appraiser_id')
    def _check_appraiser(self):
        for plan in self.sudo():
            if plan.appraiser_id and plan.appraiser_id == plan.employee_id:
                raise ValidationError(_(
                    'An employee cannot be their own appraiser.'))

    @api.onchange('employee_id')
    def _onchange_employee_id(self):
        employee = self.employee_id.sudo()
        if employee:
            self.appraiser_id = employee.parent_id
            self.department_id = employee.current_department_id or \
                employee.department_id
            self.job_id = employee.current_job_id or employee.job_id
            self.grade_id = employee.grade_id
            self.nipp = employee.nipp
            self.company_id = employee.company_id or self.company_id

    @api.onchange('year_label')
    def _onchange_year_label(self):
        year = text.year_from_text(self.year_label)
        if year:
            self.year = year

    @api.model
    def _employee_defaults(self, vals):
        employee = self.env['hr.employee'].sudo().browse(
            vals.get('employee_id'))
        if not employee:
            return vals
        vals = dict(vals)
        # Grade and position come from the personnel records (hr_simpeg),
        # which only personnel officers may read: copied as the system.
        vals.setdefault('appraiser_id', employee.parent_id.id)
        vals.setdefault('department_id', (
            employee.current_department_id or employee.department_id).id)
        vals.setdefault('job_id', (
            employee.current_job_id or employee.job_id).id)
        vals.setdefault('grade_id', employee.grade_id.id)
        vals.setdefault('nipp', employee.nipp)
        if employee.company_id:
            vals.setdefault('company_id', employee.company_id.id)
        return vals

    @api.model
    def _year_vals(self, vals):
        """The year written as text becomes the year itself, before
        the insert or update: one plan per employee and year is checked
        there."""
        if 'year_label' not in vals:
            return vals
        vals = dict(vals)
        label = vals.pop('year_label')
        vals['year'] = text.year_from_text(label)
        if vals['year'] is None:
            raise ValidationError(_(
                'The plan year %s is not a valid year.') % (label or ''))
        return vals

    @api.model
    def create(self, vals):
        return super(KinerjaPlan, self).create(
            self._year_vals(self._employee_defaults(vals)))

    @api.multi
    def write(self, vals):
        check_workflow_write(self, vals)
        return super(KinerjaPlan, self).write(self._year_vals(vals))

    @api.multi
    def unlink(self):
        if any(plan.state not in EDITABLE_STATES for plan in self):
            raise UserError(_(
                'Only draft plans can be deleted; ask for a revision first.'))
        return super(KinerjaPlan, self).unlink()

    # Helpers -----------------------------------------------------------

    def _is_manager(self):
        return self.env.user.has_group('hr_kinerja.group_kinerja_manager')

    def _own(self):
        return self.employee_id in self.env.user.employee_ids

    def _check_can_appraise(self):
        for plan in self:
            if plan._own():
                raise UserError(_(
                    'You cannot approve or return your own plan (%s).')
                    % plan.name)
            if not plan._is_manager() and \
                    plan.appraiser_id not in self.env.user.employee_ids:
                raise UserError(_(
                    'Only the appraiser of %s or HR may approve or return '
                    'it.') % plan.name)

    # Actions -----------------------------------------------------------

    @api.multi
    def action_submit(self):
        self.check_access_rights('write')
        self.check_access_rule('write')
        for plan in self:
            if plan.state not in EDITABLE_STATES:
                raise UserError(_(
                    'Only a draft plan or a plan under revision can be '
                    'submitted (%s).') % plan.name)
            if not plan.target_ids:
                raise UserError(_(
                    'The plan %s has no targets.') % plan.name)
            if not scoring.weights_complete(plan.target_ids.mapped('weight')):
                raise UserError(_(
                    'The target weights of %s add up to %s %%; they must '
                    'total 100 %% before submitting.')
                    % (plan.name, plan.total_weight))
            if not plan.appraiser_id:
                raise UserError(_(
                    'The plan %s has no appraiser.') % plan.name)
        self.sudo().write({'state': 'submitted'})
        return True

    @api.multi
    def action_approve(self):
        if any(plan.state != 'submitted' for plan in self):
            raise UserError(_('Only submitted plans can be approved.'))
        self._check_can_appraise()
        self.sudo().write({
            'state': 'approved',
            'approved_date': fields.Date.context_today(self),
            'approved_by_id': self.env.uid,
        })
        return True

    @api.multi
    def action_draft(self):
        """Take a submitted plan back to draft (its employee)."""
        for plan in self:
            if plan.state != 'submitted' or not (
                    plan._own() or plan._is_manager()):
                raise UserError(_(
                    'Only the employee can take back a submitted plan.'))
        self.sudo().write({'state': 'draft'})
        return True

    @api.multi
    def action_revision(self):
        """Reopen a submitted or approved plan for changes: the
        appraiser returns it, or the employee asks to change it."""
        for plan in self:
            if plan.state not in ('submitted', 'approved'):
                raise UserError(_(
                    'Only submitted or approved plans can be revised.'))
            if not plan._own():
                plan._check_can_appraise()
        # Employees cannot write their plan outside draft: the state
        # change is checked above and done as the system.
        self.sudo().write({'state': 'revision'})
        return True

    @api.multi
    def action_refresh_employee_data(self):
        """Take grade, position and unit again from the personnel
        records (draft plans only)."""
        for plan in self:
            if plan.state not in EDITABLE_STATES:
                raise UserError(_('Only draft plans can be refreshed.'))
            employee = plan.employee_id.sudo()
            plan.write({
                'grade_id': employee.grade_id.id,
                'nipp': employee.nipp,
                'job_id': (employee.current_job_id or employee.job_id).id,
                'department_id': (employee.current_department_id
                                  or employee.department_id).id,
            })
        return True

    @api.multi
    def action_load_templates(self):
        """Add the target templates of the plan's position."""
        self.ensure_one()
        if self.state not in EDITABLE_STATES:
            raise UserError(_('Targets can only be changed in draft.'))
        templates = self.env['kinerja.target.template'].search(
            [('job_id', '=', self.job_id.id)])
        if not self.job_id or not templates:
            raise UserError(_(
                'There are no target templates for the position of %s.')
                % self.name)
        self.write({'target_ids': [
            (0, 0, template._target_values()) for template in templates]})
        return True

    @api.multi
    def action_copy_last_year(self):
        """Copy the targets of the employee's plan of the year before."""
        self.ensure_one()
        if self.state not in EDITABLE_STATES:
            raise UserError(_('Targets can only be changed in draft.'))
        if self.target_ids:
            raise UserError(_(
                'The plan already has targets: remove them before copying '
                'last year\'s.'))
        previous = self.search([('employee_id', '=', self.employee_id.id),
                                ('year', '=', self.year - 1)], limit=1)
        if not previous:
            raise UserError(_(
                'There is no plan of %s for %s to copy.')
                % (self.employee_id.name, self.year - 1))
        self.write({'target_ids': [
            (0, 0, target._copy_values()) for target in previous.target_ids]})
        return True

    @api.model
    def create_from_last_year(self, employee, year):
        """A new draft plan for year with the targets of year - 1."""
        plan = self.create({'employee_id': employee.id, 'year': year})
        plan.action_copy_last_year()
        return plan


class KinerjaTarget(models.Model):
    """A work result with its indicator and targets (one SKP row)."""
    _name = 'kinerja.target'
    _description = 'Performance Target'
    _order = 'plan_id, sequence, id'

    plan_id = fields.Many2one(
        'kinerja.plan', required=True, ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char('Work result', required=True)
    indicator = fields.Char(required=True)
    quantity = fields.Float('Quantity target', required=True, default=1.0)
    uom = fields.Char('Unit', required=True, default='dokumen')
    quality_target = fields.Float('Quality target (%)', default=100.0)
    time_target = fields.Integer('Time target (months)', default=12)
    weight = fields.Float('Weight (%)', required=True)
    employee_id = fields.Many2one(
        'hr.employee', related='plan_id.employee_id', store=True,
        readonly=True, index=True)
    year = fields.Integer(related='plan_id.year', store=True, readonly=True)
    state = fields.Selection(related='plan_id.state', readonly=True)

    @api.constrains('quantity', 'weight', 'quality_target', 'time_target')
    def _check_values(self):
        for target in self:
            if target.quantity <= 0:
                raise ValidationError(_(
                    'The quantity target of "%s" must be above zero.')
                    % target.name)
            if not 0 < target.weight <= 100:
                raise ValidationError(_(
                    'The weight of "%s" must be above 0 and at most 100 %%.')
                    % target.name)
            if not 0 <= target.quality_target <= 100:
                raise ValidationError(_(
                    'The quality target of "%s" must be between 0 and '
                    '100 %%.') % target.name)
            if not 1 <= target.time_target <= 12:
                raise ValidationError(_(
                    'The time target of "%s" must be between 1 and 12 '
                    'months.') % target.name)

    def _check_plan_editable(self, plans):
        if any(plan.state not in EDITABLE_STATES for plan in plans):
            raise UserError(_(
                'Targets can only be changed while the plan is in draft or '
                'under revision.'))

    @api.model
    def create(self, vals):
        self._check_plan_editable(
            self.env['kinerja.plan'].browse(vals.get('plan_id')))
        return super(KinerjaTarget, self).create(vals)

    @api.multi
    def write(self, vals):
        plans = self.mapped('plan_id')
        if vals.get('plan_id'):
            plans |= plans.browse(vals['plan_id'])
        self._check_plan_editable(plans)
        return super(KinerjaTarget, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_plan_editable(self.mapped('plan_id'))
        return super(KinerjaTarget, self).unlink()

    def _copy_values(self):
        return {field: self[field] for field in (
            'sequence', 'name', 'indicator', 'quantity', 'uom',
            'quality_target', 'time_target', 'weight')}

    @api.multi
    def name_get(self):
        return [(t.id, '%s (%s %s)' % (t.name, t.quantity, t.uom))
                for t in self]


class KinerjaTargetTemplate(models.Model):
    """A standard target of a job position, loaded into new plans."""
    _name = 'kinerja.target.template'
    _description = 'Target Template'
    _order = 'job_id, sequence, id'

    job_id = fields.Many2one('hr.job', string='Position', required=True,
                             index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char('Work result', required=True)
    indicator = fields.Char(required=True)
    quantity = fields.Float('Quantity target', required=True, default=1.0)
    uom = fields.Char('Unit', required=True, default='dokumen')
    quality_target = fields.Float('Quality target (%)', default=100.0)
    time_target = fields.Integer('Time target (months)', default=12)
    weight = fields.Float('Weight (%)', required=True)
    active = fields.Boolean(default=True)

    @api.constrains('quantity', 'weight')
    def _check_values(self):
        for template in self:
            if template.quantity <= 0:
                raise ValidationError(_(
                    'The quantity target of "%s" must be above zero.')
                    % template.name)
            if not 0 < template.weight <= 100:
                raise ValidationError(_(
                    'The weight of "%s" must be above 0 and at most 100 %%.')
                    % template.name)

    def _target_values(self):
        return {field: self[field] for field in (
            'sequence', 'name', 'indicator', 'quantity', 'uom',
            'quality_target', 'time_target', 'weight')}


class KinerjaPlanDemo(models.Model):
    _inherit = 'kinerja.plan'

    @api.model
    def _demo_approve_and_report(self, plan_ids):
        """Demo data: approve the plans, fill last month with approved
        daily reports (two per working day), and assess that month."""
        import datetime
        self = self.with_context(tracking_disable=True, mail_create_nolog=True,
                                 mail_notrack=True)
        plans = self.browse(plan_ids)
        plans.write({'state': 'approved',
                     'approved_date': fields.Date.context_today(self)})
        today = fields.Date.from_string(fields.Date.context_today(self))
        last = today.replace(day=1) - datetime.timedelta(days=1)
        first = last.replace(day=1)
        Activity = self.env['kinerja.activity']
        day = first
        index = 0
        while day <= last:
            if day.weekday() < 5:
                for plan in plans:
                    for offset, target in enumerate(plan.target_ids[:2]):
                        index += 1
                        Activity.create({
                            'employee_id': plan.employee_id.id,
                            'target_id': target.id,
                            'date': fields.Date.to_string(day),
                            'name': '%s (%s)' % (target.indicator,
                                                 day.strftime('%d/%m')),
                            'quantity': 1 + (index + offset) % 3,
                            'duration': 3.0 + offset,
                            'state': 'approved',
                        })
            day += datetime.timedelta(days=1)
        assessments = self.env['kinerja.assessment'].create_monthly_assessments(
            last)
        rating = 3
        for assessment in assessments.filtered(lambda a: a.plan_id in plans):
            rating = rating % 5 + 1 if rating < 5 else 4
            assessment.behaviour_ids.write({'rating': max(rating, 3)})
        return assessments
