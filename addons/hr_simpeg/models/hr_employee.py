import datetime

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from ..tools import simpeg

EMPLOYMENT_STATUS = [
    ('permanent', 'Permanent'),
    ('contract', 'Contract'),
    ('honorary', 'Honorary'),
    ('probation', 'Probation'),
]

# Fields that only SIMPEG officers, or the employee themself, may read.
# `nipp` stays readable by everyone: it is the staff number people log in
# and sign with.
PRIVATE_FIELDS = (
    'employment_status', 'join_date', 'retirement_age', 'retirement_date',
    'rank_history_ids', 'position_history_ids', 'education_ids', 'family_ids',
    'salary_increase_ids', 'grade_id', 'grade_date', 'years_in_grade',
    'months_in_grade', 'service_years', 'service_months',
    'current_position_id', 'current_job_id', 'current_department_id',
    'highest_education', 'last_kgb_date', 'next_kgb_date',
    'next_promotion_date', 'dependent_count',
)


def _param(env, key, default):
    value = env['ir.config_parameter'].sudo().get_param(key)
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class HrEmployee(models.Model):
    _name = 'hr.employee'
    _inherit = ['hr.employee', 'mail.activity.mixin']

    nipp = fields.Char(
        string='Employee Number (NIPP)', copy=False, index=True,
        track_visibility='onchange',
        help='The user of the employee may log in with this number instead '
             'of their login.')
    employment_status = fields.Selection(
        EMPLOYMENT_STATUS, default='permanent', prefetch=False,
        track_visibility='onchange')
    join_date = fields.Date(prefetch=False)
    retirement_age = fields.Integer(
        default=lambda self: self._default_retirement_age(), prefetch=False)
    retirement_date = fields.Date(
        compute='_compute_retirement_date', store=True, prefetch=False)
    rank_history_ids = fields.One2many(
        'hr.simpeg.rank.history', 'employee_id', string='Rank History',
        prefetch=False)
    position_history_ids = fields.One2many(
        'hr.simpeg.position.history', 'employee_id',
        string='Position History', prefetch=False)
    education_ids = fields.One2many(
        'hr.simpeg.education', 'employee_id', string='Education',
        prefetch=False)
    family_ids = fields.One2many(
        'hr.simpeg.family', 'employee_id', string='Family Members',
        prefetch=False)
    salary_increase_ids = fields.One2many(
        'hr.simpeg.salary.increase', 'employee_id',
        string='Periodic Salary Increases', prefetch=False)
    grade_id = fields.Many2one(
        'hr.simpeg.grade', string='Current Grade',
        compute='_compute_grade', store=True, prefetch=False, index=True)
    grade_date = fields.Date(
        string='Grade Effective Date', compute='_compute_grade', store=True,
        prefetch=False)
    years_in_grade = fields.Integer(
        compute='_compute_durations', prefetch=False)
    months_in_grade = fields.Integer(
        compute='_compute_durations', prefetch=False)
    service_years = fields.Integer(
        string='Years of Service', compute='_compute_durations',
        prefetch=False)
    service_months = fields.Integer(
        string='Months of Service', compute='_compute_durations',
        prefetch=False)
    current_position_id = fields.Many2one(
        'hr.simpeg.position.history', compute='_compute_current_position',
        store=True, prefetch=False)
    current_job_id = fields.Many2one(
        'hr.job', string='Current Position',
        compute='_compute_current_position', store=True, prefetch=False)
    current_department_id = fields.Many2one(
        'hr.department', string='Current Unit',
        compute='_compute_current_position', store=True, prefetch=False)
    highest_education = fields.Selection(
        simpeg.EDUCATION_LEVELS, compute='_compute_highest_education',
        store=True, prefetch=False)
    last_kgb_date = fields.Date(
        string='Last Salary Increase', compute='_compute_periodic_dates',
        store=True, prefetch=False)
    next_kgb_date = fields.Date(
        string='Next Salary Increase', compute='_compute_periodic_dates',
        store=True, prefetch=False)
    next_promotion_date = fields.Date(
        string='Promotion Eligibility', compute='_compute_periodic_dates',
        store=True, prefetch=False)
    dependent_count = fields.Integer(
        string='Dependents', compute='_compute_dependent_count', store=True,
        prefetch=False)

    _sql_constraints = [
        ('nipp_uniq', 'unique(nipp)', 'This employee number (NIPP) is '
                                      'already used by another employee.'),
    ]

    @api.model
    def _default_retirement_age(self):
        return _param(self.env, 'hr_simpeg.retirement_age', 56)

    @api.depends('birthday', 'retirement_age')
    def _compute_retirement_date(self):
        for employee in self:
            day = simpeg.retirement_date(
                fields.Date.from_string(employee.birthday),
                employee.retirement_age)
            employee.retirement_date = fields.Date.to_string(day) if day else False

    @api.depends('rank_history_ids.grade_id',
                 'rank_history_ids.date_effective')
    def _compute_grade(self):
        for employee in self:
            line = employee.rank_history_ids.sorted(
                lambda l: (l.date_effective or '', l.id), reverse=True)[:1]
            employee.grade_id = line.grade_id
            employee.grade_date = line.date_effective

    def _compute_durations(self):
        today = fields.Date.from_string(
            self.env.context.get('simpeg_date')
            or fields.Date.context_today(self))
        for employee in self:
            employee.years_in_grade, employee.months_in_grade = \
                simpeg.years_months_between(
                    fields.Date.from_string(employee.grade_date), today)
            employee.service_years, employee.service_months = \
                simpeg.years_months_between(
                    fields.Date.from_string(employee.join_date), today)

    @api.depends('position_history_ids.date_start',
                 'position_history_ids.date_end',
                 'position_history_ids.job_id',
                 'position_history_ids.department_id')
    def _compute_current_position(self):
        for employee in self:
            lines = employee.position_history_ids.sorted(
                lambda l: (not l.date_end, l.date_start or '', l.id),
                reverse=True)
            line = lines[:1]
            employee.current_position_id = line
            employee.current_job_id = line.job_id
            employee.current_department_id = line.department_id

    @api.depends('education_ids.level')
    def _compute_highest_education(self):
        for employee in self:
            employee.highest_education = simpeg.highest_education(
                employee.education_ids.mapped('level')) or False

    @api.depends('salary_increase_ids.date_effective', 'grade_date',
                 'join_date')
    def _compute_periodic_dates(self):
        kgb_years = _param(self.env, 'hr_simpeg.kgb_interval', 2)
        promotion_years = _param(self.env, 'hr_simpeg.promotion_interval', 4)
        for employee in self:
            kgb_dates = [d for d in employee.salary_increase_ids.mapped(
                'date_effective') if d]
            last_kgb = max(kgb_dates) if kgb_dates else (
                employee.grade_date or employee.join_date)
            employee.last_kgb_date = last_kgb or False
            nxt = simpeg.next_periodic_date(
                fields.Date.from_string(last_kgb), kgb_years)
            employee.next_kgb_date = fields.Date.to_string(nxt) if nxt else False
            base = employee.grade_date or employee.join_date
            nxt = simpeg.next_periodic_date(
                fields.Date.from_string(base), promotion_years)
            employee.next_promotion_date = \
                fields.Date.to_string(nxt) if nxt else False

    @api.depends('family_ids.dependent')
    def _compute_dependent_count(self):
        for employee in self:
            employee.dependent_count = len(
                employee.family_ids.filtered('dependent'))

    @api.constrains('birthday', 'join_date')
    def _check_simpeg_dates(self):
        for employee in self:
            if employee.birthday and employee.join_date \
                    and employee.join_date < employee.birthday:
                raise ValidationError(_(
                    'The join date of %s (%s) is before their birth date '
                    '(%s).') % (employee.name, employee.join_date,
                                employee.birthday))
            employee.rank_history_ids._check_dates_after_birth()
            employee.salary_increase_ids._check_dates_after_birth()
            employee.position_history_ids._check_dates_after_birth()

    @api.constrains('retirement_age')
    def _check_retirement_age(self):
        for employee in self:
            if employee.retirement_age and not \
                    30 <= employee.retirement_age <= 75:
                raise ValidationError(_(
                    'The retirement age must be between 30 and 75 years, '
                    'not %s.') % employee.retirement_age)

    def _check_nipp_available(self, nipp):
        """Refuse an employee number already used by another employee."""
        if not nipp:
            return
        others = self.sudo().with_context(active_test=False).search(
            [('nipp', '=', nipp), ('id', 'not in', self.ids)], limit=1)
        if others:
            raise ValidationError(_(
                'The employee number (NIPP) %s is already used by %s.')
                % (nipp, others.name))

    @api.model
    def create(self, vals):
        if vals.get('nipp'):
            vals['nipp'] = vals['nipp'].strip()
            self.browse()._check_nipp_available(vals['nipp'])
        else:
            vals['nipp'] = self._next_nipp()
        return super(HrEmployee, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'nipp' in vals:
            vals['nipp'] = (vals['nipp'] or '').strip() or False
            if vals['nipp'] and len(self) > 1:
                raise ValidationError(_(
                    'The same employee number (NIPP) cannot be given to '
                    'several employees.'))
            self._check_nipp_available(vals['nipp'])
        return super(HrEmployee, self).write(vals)

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        self._check_simpeg_read(fields or list(self._fields))
        return super(HrEmployee, self).read(fields=fields, load=load)

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        names = [leaf[0].split('.')[0] for leaf in args or []
                 if isinstance(leaf, (list, tuple)) and len(leaf) == 3
                 and isinstance(leaf[0], str)]
        if order:
            names += [part.strip().split(' ')[0]
                      for part in order.split(',')]
        self.browse()._check_simpeg_read(names)
        return super(HrEmployee, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        groupby_names = [groupby] if isinstance(groupby, str) else groupby
        names = [f.split(':')[0] for f in list(fields or []) +
                 list(groupby_names or [])]
        self.browse()._check_simpeg_read(names)
        return super(HrEmployee, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)

    def _simpeg_officer(self):
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(
            'hr_simpeg.group_simpeg_officer')

    def _check_simpeg_read(self, names):
        """Personnel data is for SIMPEG officers and for the employee
        themself: others get an access error."""
        if not set(names) & set(PRIVATE_FIELDS) or self._simpeg_officer():
            return
        own = self.env.user.employee_ids
        if not self or self - own:
            raise AccessError(_(
                'Only personnel officers may see the personnel records of '
                'other employees.'))

    @api.model
    def _next_nipp(self):
        sequence = self.env['ir.sequence'].sudo()
        for _attempt in range(100):
            nipp = sequence.next_by_code('hr.simpeg.nipp')
            if not nipp:
                return False
            if not self.sudo().with_context(active_test=False).search_count(
                    [('nipp', '=', nipp)]):
                return nipp
        raise UserError(_(
            'The NIPP sequence keeps giving numbers already in use: '
            'adjust its next number in the settings.'))

    @api.multi
    def _assign_nipp(self):
        for employee in self.filtered(lambda e: not e.nipp):
            employee.nipp = self._next_nipp()

    @api.model
    def action_simpeg_my_data(self):
        """Open the current user's own personnel record, read-only."""
        employee = self.env.user.employee_ids[:1]
        if not employee:
            # an empty list that says why, rather than an error behind a menu
            return {
                'type': 'ir.actions.act_window',
                'name': _('My Data'),
                'res_model': 'hr.employee',
                'view_mode': 'tree',
                'views': [(False, 'tree')],
                'domain': [('id', '=', 0)],
                'help': '<p>%s</p>' % html_escape(_(
                    'Your user is not linked to an employee: ask the '
                    'personnel officer to link it.')),
                'target': 'current',
            }
        view = self.env.ref('hr_simpeg.hr_employee_view_form_my_data')
        return {
            'type': 'ir.actions.act_window',
            'name': _('My Data'),
            'res_model': 'hr.employee',
            'res_id': employee.id,
            'view_mode': 'form',
            'views': [(view.id, 'form')],
            'target': 'current',
        }

    @api.model
    def _simpeg_recompute_periodic(self):
        """Recompute the stored dates that depend on settings."""
        employees = self.with_context(active_test=False).search([])
        for fname in ('retirement_date', 'next_kgb_date',
                      'next_promotion_date', 'last_kgb_date'):
            self.env.add_todo(self._fields[fname], employees)
        self.recompute()

    # Reminders -------------------------------------------------------

    @api.model
    def _simpeg_reminder_kinds(self):
        return [
            ('kgb', 'next_kgb_date', _('Periodic salary increase (KGB)')),
            ('promotion', 'next_promotion_date', _('Promotion eligibility')),
            ('retirement', 'retirement_date', _('Retirement')),
        ]

    @api.model
    def _simpeg_reminder_user(self):
        user_id = _param(self.env, 'hr_simpeg.reminder_user_id', 0)
        user = self.env['res.users'].browse(user_id).exists() \
            if user_id else self.env['res.users']
        if not user:
            group = self.env.ref('hr_simpeg.group_simpeg_officer')
            user = group.users.filtered(
                lambda u: u.id != SUPERUSER_ID).sorted('id')[:1]
        return user or self.env['res.users'].browse(SUPERUSER_ID)

    @api.model
    def _simpeg_due_events(self, date_ref, days_before):
        """(employee, kind, label, event date) for each event whose
        reminder is due on date_ref."""
        limit = fields.Date.to_string(
            fields.Date.from_string(date_ref)
            + datetime.timedelta(days=days_before))
        events = []
        for kind, fname, label in self._simpeg_reminder_kinds():
            employees = self.search([(fname, '>=', date_ref),
                                     (fname, '<=', limit)])
            events += [(emp, kind, label, emp[fname]) for emp in employees]
        return events

    @api.model
    def _simpeg_create_reminder(self, employee, kind, label, event_date,
                                user):
        activity = self.env['mail.activity'].create({
            'res_model_id': self.env['ir.model']._get('hr.employee').id,
            'res_id': employee.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'summary': '%s: %s' % (label, employee.name),
            'note': _('%s of %s (NIPP %s) on %s.') % (
                label, employee.name, employee.nipp or '-', event_date),
            'date_deadline': event_date,
            'user_id': user.id,
        })
        self.env['hr.simpeg.reminder'].create({
            'employee_id': employee.id,
            'kind': kind,
            'event_date': event_date,
            'activity_id': activity.id,
        })
        return activity

    @api.model
    def cron_simpeg_reminders(self, date_ref=None):
        """Create one activity per upcoming KGB, promotion and retirement
        date; running it again creates nothing new for the same event."""
        date_ref = date_ref or fields.Date.context_today(self)
        days_before = _param(self.env, 'hr_simpeg.reminder_days', 30)
        user = self._simpeg_reminder_user()
        Reminder = self.env['hr.simpeg.reminder']
        activities = self.env['mail.activity']
        for employee, kind, label, event_date in self._simpeg_due_events(
                date_ref, days_before):
            if Reminder.search_count([('employee_id', '=', employee.id),
                                      ('kind', '=', kind),
                                      ('event_date', '=', event_date)]):
                continue
            activities |= self._simpeg_create_reminder(
                employee, kind, label, event_date, user)
        return activities

    @api.model
    def name_search(self, name='', args=None, operator='ilike', limit=100):
        """An exact employee number (NIPP) finds its employee, so that
        imported files may refer to employees by NIPP."""
        if name and operator in ('=', 'ilike', '=ilike'):
            employees = self.search(
                [('nipp', '=', name.strip())] + list(args or []), limit=limit)
            if employees:
                return employees.name_get()
        return super(HrEmployee, self).name_search(
            name=name, args=args, operator=operator, limit=limit)
