# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from collections import defaultdict

from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring
from .kinerja_plan import check_workflow_write

SCORE_FIELDS = ('work_score', 'behaviour_score', 'discipline_score',
                'final_score', 'predicate_id')


class KinerjaAssessment(models.Model):
    """Monthly assessment of one employee: work results from approved
    daily reports, behaviour rated by the supervisor, discipline from
    the attendance recap."""
    _name = 'kinerja.assessment'
    _inherit = ['mail.thread']
    _description = 'Monthly Performance Assessment'
    _order = 'month desc, employee_id'

    name = fields.Char(readonly=True)
    employee_id = fields.Many2one(
        'hr.employee', required=True, readonly=True, index=True)
    plan_id = fields.Many2one('kinerja.plan', readonly=True, index=True)
    month = fields.Date(required=True, readonly=True, index=True)
    year = fields.Integer(readonly=True, index=True)
    department_id = fields.Many2one('hr.department', readonly=True,
                                    index=True)
    manager_id = fields.Many2one('hr.employee', string='Supervisor',
                                 readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    state = fields.Selection(
        [('draft', 'To assess'), ('approved', 'Approved')],
        default='draft', required=True, readonly=True,
        track_visibility='onchange')
    line_ids = fields.One2many(
        'kinerja.assessment.line', 'assessment_id', string='Work results')
    behaviour_ids = fields.One2many(
        'kinerja.assessment.behaviour', 'assessment_id', string='Behaviour')
    work_score = fields.Float(readonly=True, group_operator='avg')
    behaviour_score = fields.Float(readonly=True, group_operator='avg')
    discipline_score = fields.Float(readonly=True, group_operator='avg')
    final_score = fields.Float(readonly=True, group_operator='avg')
    predicate_id = fields.Many2one('kinerja.predicate', readonly=True)
    late_count = fields.Integer('Late days', readonly=True)
    late_minutes = fields.Integer(readonly=True)
    absent_days = fields.Integer(readonly=True)
    early_leave_minutes = fields.Integer(readonly=True)
    approved_by_id = fields.Many2one('res.users', string='Approved by',
                                     readonly=True)
    approved_date = fields.Date(readonly=True)
    quota_warning = fields.Text(compute='_compute_quota_warning')

    _sql_constraints = [
        ('employee_month_uniq', 'unique(employee_id, month)',
         'An employee has one assessment per month.'),
    ]

    def _compute_quota_warning(self):
        problems = self._kinerja_quota_problems()
        for assessment in self:
            assessment.quota_warning = '\n'.join(
                problems.get(assessment.id, [])) or False

    @api.multi
    def write(self, vals):
        check_workflow_write(self, vals, ('state', 'approved_by_id',
                                          'approved_date') + SCORE_FIELDS)
        return super(KinerjaAssessment, self).write(vals)

    @api.multi
    def unlink(self):
        if any(a.state == 'approved' for a in self):
            raise UserError(_('Approved assessments cannot be deleted.'))
        return super(KinerjaAssessment, self).unlink()

    # Batch creation ----------------------------------------------------

    @api.model
    def cron_monthly_assessments(self, date_ref=None):
        """Daily job: on the last day of a month, create (or recompute)
        that month's assessments."""
        day = fields.Date.from_string(
            date_ref or fields.Date.context_today(self))
        if not scoring.is_month_end(day):
            return self.browse()
        return self.create_monthly_assessments(day)

    @api.model
    def _get_plans_to_assess_domain(self, month):
        return [('state', '=', 'approved'), ('year', '=', month.year)]

    @api.model
    def create_monthly_assessments(self, day):
        """Create the assessments of the month containing day for every
        approved plan, and recompute the draft ones. Set-based."""
        if isinstance(day, str):
            day = fields.Date.from_string(day)
        first, _last = scoring.month_bounds(day)
        month = fields.Date.to_string(first)
        plans = self.env['kinerja.plan'].sudo().search(
            self._get_plans_to_assess_domain(first))
        if plans:
            self._insert_assessments(plans, month)
        assessments = self.sudo().search([
            ('month', '=', month),
            ('plan_id', 'in', plans.ids)])
        assessments._insert_lines()
        assessments.filtered(lambda a: a.state == 'draft')._kinerja_compute()
        return assessments

    @api.model
    def _insert_assessments(self, plans, month):
        self.env.cr.execute("""
            INSERT INTO kinerja_assessment
                   (employee_id, plan_id, month, year, department_id,
                    manager_id, company_id, state, name,
                    create_uid, create_date, write_uid, write_date)
            SELECT p.employee_id, p.id, %(month)s, p.year, e.department_id,
                   e.parent_id, p.company_id, 'draft',
                   r.name || ' - ' || to_char(%(month)s::date, 'MM/YYYY'),
                   %(uid)s, now() at time zone 'UTC',
                   %(uid)s, now() at time zone 'UTC'
              FROM kinerja_plan p
              JOIN hr_employee e ON e.id = p.employee_id
              JOIN resource_resource r ON r.id = e.resource_id
             WHERE p.id IN %(plans)s
               AND NOT EXISTS (SELECT 1 FROM kinerja_assessment a
                                WHERE a.employee_id = p.employee_id
                                  AND a.month = %(month)s)
        """, {'month': month, 'plans': tuple(plans.ids),
              'uid': self.env.uid})

    @api.multi
    def _insert_lines(self):
        """Add the missing work-result and behaviour lines."""
        if not self:
            return
        params = {'ids': tuple(self.ids), 'uid': self.env.uid}
        self.env.cr.execute("""
            INSERT INTO kinerja_assessment_line
                   (assessment_id, target_id, sequence, weight,
                    create_uid, create_date, write_uid, write_date)
            SELECT a.id, t.id, t.sequence, t.weight,
                   %(uid)s, now() at time zone 'UTC',
                   %(uid)s, now() at time zone 'UTC'
              FROM kinerja_assessment a
              JOIN kinerja_target t ON t.plan_id = a.plan_id
             WHERE a.id IN %(ids)s AND a.state = 'draft'
               AND NOT EXISTS (SELECT 1 FROM kinerja_assessment_line l
                                WHERE l.assessment_id = a.id
                                  AND l.target_id = t.id)
        """, params)
        self.env.cr.execute("""
            INSERT INTO kinerja_assessment_behaviour
                   (assessment_id, aspect_id, sequence, weight,
                    create_uid, create_date, write_uid, write_date)
            SELECT a.id, b.id, b.sequence, b.weight,
                   %(uid)s, now() at time zone 'UTC',
                   %(uid)s, now() at time zone 'UTC'
              FROM kinerja_assessment a
             CROSS JOIN kinerja_behaviour_aspect b
             WHERE a.id IN %(ids)s AND a.state = 'draft' AND b.active
               AND NOT EXISTS (SELECT 1 FROM kinerja_assessment_behaviour x
                                WHERE x.assessment_id = a.id
                                  AND x.aspect_id = b.id)
        """, params)
        self.invalidate_cache()

    # Scoring -----------------------------------------------------------

    @api.multi
    def _kinerja_discipline_data(self):
        """{(employee_id, month): {late_count, late_minutes, absent_days,
        early_leave_minutes}} from the attendance recap."""
        Recap = self.env['hr.presensi.recap'].sudo()
        result = {}
        by_month = defaultdict(list)
        for row in self.read(['employee_id', 'month'], load=False):
            by_month[row['month']].append(row['employee_id'])
        names = ['late_count', 'late_minutes', 'absent_days',
                 'early_leave_minutes']
        for month, employee_ids in by_month.items():
            groups = Recap.read_group(
                [('employee_id', 'in', employee_ids), ('month', '=', month)],
                ['employee_id'] + names, ['employee_id'])
            for group in groups:
                result[(group['employee_id'][0], month)] = {
                    name: group[name] or 0 for name in names}
        return result

    @api.multi
    def _kinerja_compute(self):
        """Recompute lines and scores of these draft assessments with a
        few set-based queries and one batched update per table."""
        if not self:
            return
        if any(a.state != 'draft' for a in self):
            raise UserError(_('Approved assessments cannot be recomputed; '
                              'reset them to draft first.'))
        cr = self.env.cr
        ids = tuple(self.ids)
        cr.execute("""
            SELECT a.id, a.company_id, a.employee_id, a.month
              FROM kinerja_assessment a WHERE a.id IN %s""", (ids,))
        heads = {row[0]: (row[1], row[2], str(row[3]))
                 for row in cr.fetchall()}
        schemes = {}
        Scheme = self.env['kinerja.scheme']
        for company_id in {h[0] for h in heads.values()}:
            schemes[company_id] = Scheme._get_scheme(
                self.env['res.company'].browse(company_id))

        # Work results: approved report quantities per line, in one query.
        cr.execute("""
            SELECT l.id, l.assessment_id, t.quantity, t.time_target,
                   t.weight, coalesce(sum(act.quantity), 0)
              FROM kinerja_assessment_line l
              JOIN kinerja_assessment a ON a.id = l.assessment_id
              JOIN kinerja_target t ON t.id = l.target_id
              LEFT JOIN kinerja_activity act
                     ON act.target_id = t.id AND act.state = 'approved'
                    AND act.employee_id = a.employee_id
                    AND act.date >= a.month
                    AND act.date < a.month + interval '1 month'
             WHERE l.assessment_id IN %s
             GROUP BY l.id, l.assessment_id, t.quantity, t.time_target,
                      t.weight""", (ids,))
        line_values = []
        work_lines = defaultdict(list)
        for line_id, assessment_id, quantity, months, weight, real \
                in cr.fetchall():
            scheme = schemes[heads[assessment_id][0]]
            target = scoring.monthly_target(quantity, months)
            achieved = scoring.achievement(
                real, target, scheme.achievement_ceiling)
            line_values.append((line_id, round(target, 4), real, achieved,
                                weight, round(achieved * weight / 100.0, 4)))
            work_lines[assessment_id].append((achieved, weight))
        if line_values:
            execute_values(cr, """
                UPDATE kinerja_assessment_line l
                   SET monthly_target = v.target, realisation = v.real,
                       achievement = v.achieved, weight = v.weight,
                       weighted_score = v.weighted
                  FROM (VALUES %s) AS v(id, target, real, achieved, weight,
                                        weighted)
                 WHERE l.id = v.id""", line_values, page_size=1000)

        # Behaviour ratings.
        cr.execute("""
            SELECT assessment_id, rating, weight
              FROM kinerja_assessment_behaviour
             WHERE assessment_id IN %s""", (ids,))
        ratings = defaultdict(list)
        for assessment_id, rating, weight in cr.fetchall():
            ratings[assessment_id].append(
                (rating if rating else None, weight))

        discipline = self._kinerja_discipline_data()
        values = []
        for assessment_id, (company_id, employee_id, month) in heads.items():
            scheme = schemes[company_id]
            work = scoring.work_score(work_lines.get(assessment_id, []))
            behaviour = scoring.behaviour_score(
                ratings.get(assessment_id, []),
                scheme.behaviour_scale_max) or 0.0
            recap = discipline.get((employee_id, month))
            if recap is None:
                disc = scheme.discipline_missing_score
                recap = {}
            else:
                disc = scoring.discipline_score(
                    late_count=recap['late_count'],
                    late_minutes=recap['late_minutes'],
                    absent_days=recap['absent_days'],
                    early_leave_minutes=recap['early_leave_minutes'],
                    late_day_penalty=scheme.late_day_penalty,
                    late_hour_penalty=scheme.late_hour_penalty,
                    absent_day_penalty=scheme.absent_day_penalty,
                    early_leave_hour_penalty=scheme.early_leave_hour_penalty)
            final = scoring.final_score(
                work, behaviour, disc, scheme.work_weight,
                scheme.behaviour_weight, scheme.discipline_weight)
            predicate_id = scoring.predicate(final, scheme._thresholds())
            values.append((
                assessment_id, work, behaviour, disc, final, predicate_id,
                int(recap.get('late_count', 0)),
                int(recap.get('late_minutes', 0)),
                int(recap.get('absent_days', 0)),
                int(recap.get('early_leave_minutes', 0))))
        execute_values(cr, """
            UPDATE kinerja_assessment a
               SET work_score = v.work, behaviour_score = v.behaviour,
                   discipline_score = v.disc, final_score = v.final,
                   predicate_id = v.predicate, late_count = v.late_count,
                   late_minutes = v.late_minutes,
                   absent_days = v.absent_days,
                   early_leave_minutes = v.early,
                   write_uid = %s, write_date = now() at time zone 'UTC'
              FROM (VALUES %%s) AS v(id, work, behaviour, disc, final,
                                    predicate, late_count, late_minutes,
                                    absent_days, early)
             WHERE a.id = v.id""" % int(self.env.uid),
                       values, template='(%s, %s, %s, %s, %s, %s::int, %s, '
                                        '%s, %s, %s)', page_size=1000)
        self.invalidate_cache()
        self.mapped('line_ids').invalidate_cache()
        self.env['kinerja.assessment.line'].invalidate_cache()

    # Review ------------------------------------------------------------

    def _check_can_review(self):
        user_employees = self.env.user.employee_ids
        own = self.filtered(lambda a: a.employee_id in user_employees)
        if own:
            raise UserError(_(
                'You cannot approve or recompute your own assessment (%s).')
                % own[0].name)
        if self.env.user.has_group('hr_kinerja.group_kinerja_manager'):
            return
        team = user_employees._kinerja_team()
        outside = self.filtered(lambda a: a.employee_id not in team)
        if outside:
            raise UserError(_(
                'Only the supervisor of %s or HR may assess them.')
                % outside[0].employee_id.name)

    @api.multi
    def action_recompute(self):
        self._check_can_review()
        self._insert_lines()
        self.sudo()._kinerja_compute()
        return True

    @api.multi
    def _kinerja_quota_problems(self):
        """{assessment id: [warning]} for the assessments whose approval
        would put their department beyond a predicate quota."""
        problems = defaultdict(list)
        records = self.filtered(lambda a: a.predicate_id.max_percent and
                                a.department_id)
        if not records:
            return problems
        months = list(set(records.mapped('month')))
        departments = records.mapped('department_id').ids
        sizes = {}
        self.env.cr.execute("""
            SELECT department_id, month, count(*),
                   array_agg(id) FILTER (WHERE state = 'approved'),
                   array_agg(predicate_id) FILTER (WHERE state = 'approved')
              FROM kinerja_assessment
             WHERE month IN %s AND department_id IN %s
             GROUP BY department_id, month""",
                            (tuple(months), tuple(departments)))
        approved = {}
        for dept, month, size, ids, preds in self.env.cr.fetchall():
            month = str(month)
            sizes[(dept, month)] = size
            approved[(dept, month)] = dict(zip(ids or [], preds or []))
        by_key = defaultdict(lambda: self.browse())
        for record in records:
            by_key[(record.department_id.id, record.month,
                    record.predicate_id.id)] |= record
        for (dept, month, pred_id), group in by_key.items():
            key = (dept, month)
            already = approved.get(key, {})
            count = len([1 for aid, pid in already.items()
                         if pid == pred_id and aid not in group.ids])
            count += len(group)
            predicate = group[0].predicate_id
            if scoring.quota_exceeded(count, sizes.get(key, 0),
                                      predicate.max_percent):
                message = _(
                    'Department %s would have %s of %s staff rated "%s" in '
                    '%s; the quota allows %s (%s %%).') % (
                        group[0].department_id.name, count,
                        sizes.get(key, 0), predicate.name, month[:7],
                        scoring.quota_allowed(sizes.get(key, 0),
                                              predicate.max_percent),
                        predicate.max_percent)
                for record in group:
                    problems[record.id].append(message)
        return problems

    @api.multi
    def action_approve(self):
        """Approve; beyond a department quota, the approver is warned
        first and must confirm."""
        if any(a.state != 'draft' for a in self):
            raise UserError(_('Only assessments to assess can be approved.'))
        self._check_can_review()
        unrated = self.filtered(
            lambda a: not a.behaviour_ids or
            any(not b.rating for b in a.behaviour_ids))
        if unrated:
            raise UserError(_(
                'Rate every behaviour aspect of %s before approving.')
                % unrated[0].name)
        problems = self._kinerja_quota_problems()
        if problems and not self.env.context.get('kinerja_quota_confirmed'):
            messages = sorted({m for msgs in problems.values() for m in msgs})
            wizard = self.env['kinerja.quota.wizard'].create({
                'assessment_ids': [(6, 0, self.ids)],
                'message': '\n'.join(messages),
            })
            return {
                'type': 'ir.actions.act_window',
                'name': _('Rating quota exceeded'),
                'res_model': 'kinerja.quota.wizard',
                'res_id': wizard.id,
                'view_mode': 'form',
                'target': 'new',
            }
        self.sudo().write({
            'state': 'approved',
            'approved_by_id': self.env.uid,
            'approved_date': fields.Date.context_today(self),
        })
        return True

    @api.multi
    def action_reset_draft(self):
        if not self.env.user.has_group('hr_kinerja.group_kinerja_manager'):
            raise UserError(_('Only HR can reopen an approved assessment.'))
        self.write({'state': 'draft', 'approved_by_id': False,
                    'approved_date': False})
        return True


class KinerjaAssessmentLine(models.Model):
    _name = 'kinerja.assessment.line'
    _description = 'Assessment Work Result'
    _order = 'assessment_id, sequence, id'

    assessment_id = fields.Many2one(
        'kinerja.assessment', required=True, ondelete='cascade', index=True)
    target_id = fields.Many2one('kinerja.target', required=True,
                                ondelete='cascade', readonly=True)
    name = fields.Char(related='target_id.name', readonly=True)
    uom = fields.Char(related='target_id.uom', readonly=True)
    sequence = fields.Integer(readonly=True)
    monthly_target = fields.Float(readonly=True)
    realisation = fields.Float(readonly=True)
    achievement = fields.Float('Achievement (%)', readonly=True)
    weight = fields.Float('Weight (%)', readonly=True)
    weighted_score = fields.Float(readonly=True)


class KinerjaAssessmentBehaviour(models.Model):
    _name = 'kinerja.assessment.behaviour'
    _description = 'Assessment Behaviour Rating'
    _order = 'assessment_id, sequence, id'

    assessment_id = fields.Many2one(
        'kinerja.assessment', required=True, ondelete='cascade', index=True)
    aspect_id = fields.Many2one('kinerja.behaviour.aspect', required=True,
                                readonly=True)
    description = fields.Text(related='aspect_id.description',
                              readonly=True)
    sequence = fields.Integer(readonly=True)
    weight = fields.Float(readonly=True)
    rating = fields.Float()
    note = fields.Char()

    @api.constrains('rating')
    def _check_rating(self):
        for line in self:
            scale = self.env['kinerja.scheme']._get_scheme(
                line.assessment_id.company_id).behaviour_scale_max
            if line.rating and not 1 <= line.rating <= scale:
                raise ValidationError(_(
                    'A behaviour rating must be between 1 and %s, not %s.')
                    % (scale, line.rating))
            if line.rating < 0:
                raise ValidationError(_(
                    'A behaviour rating cannot be negative.'))

    @api.multi
    def write(self, vals):
        if any(line.assessment_id.state != 'draft' for line in self):
            raise UserError(_(
                'The behaviour of an approved assessment cannot be '
                'changed.'))
        assessments = self.mapped('assessment_id')
        if 'rating' in vals:
            assessments._check_can_review()
        result = super(KinerjaAssessmentBehaviour, self).write(vals)
        if 'rating' in vals:
            assessments.sudo()._kinerja_compute()
        return result
