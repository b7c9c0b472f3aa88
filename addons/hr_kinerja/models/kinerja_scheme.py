# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KinerjaScheme(models.Model):
    """The scoring rules HR sets: weights, ceiling, window, penalties."""
    _name = 'kinerja.scheme'
    _description = 'Performance Scoring Scheme'
    _order = 'company_id, id'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        'res.company', required=True,
        default=lambda self: self.env.user.company_id)
    achievement_ceiling = fields.Float(
        'Achievement ceiling (%)', default=120.0,
        help='Achievement of a target is capped at this percentage.')
    work_weight = fields.Float('Work result weight (%)', default=60.0)
    behaviour_weight = fields.Float('Behaviour weight (%)', default=20.0)
    discipline_weight = fields.Float('Discipline weight (%)', default=20.0)
    behaviour_scale_max = fields.Float(
        'Behaviour rating scale', default=5.0,
        help='Behaviour aspects are rated from 1 to this value.')
    report_window_days = fields.Integer(
        'Report window (days)', default=3,
        help='Employees may report activities up to this many days back.')
    max_hours_per_day = fields.Float('Maximum hours per day', default=24.0)
    missing_report_days = fields.Integer(
        'Days checked for missing reports', default=30,
        help='The missing daily reports dashboard looks this many days '
             'back.')
    late_day_penalty = fields.Float('Penalty per late day', default=1.0)
    late_hour_penalty = fields.Float('Penalty per hour late', default=0.0)
    absent_day_penalty = fields.Float(
        'Penalty per day absent', default=5.0)
    early_leave_hour_penalty = fields.Float(
        'Penalty per hour leaving early', default=0.5)
    discipline_missing_score = fields.Float(
        'Discipline score without attendance data', default=100.0,
        help='Used when the attendance recap has no row for the employee '
             'and month.')
    predicate_ids = fields.One2many(
        'kinerja.predicate', 'scheme_id', string='Predicates', copy=True)

    _sql_constraints = [
        ('company_uniq', 'unique(company_id)',
         'A company has one scoring scheme.'),
    ]

    @api.constrains('work_weight', 'behaviour_weight', 'discipline_weight')
    def _check_weights(self):
        for scheme in self:
            weights = (scheme.work_weight, scheme.behaviour_weight,
                       scheme.discipline_weight)
            if any(w < 0 for w in weights) or sum(weights) <= 0:
                raise ValidationError(_(
                    'The score weights cannot be negative and must add up '
                    'to more than zero.'))

    @api.constrains('achievement_ceiling', 'report_window_days',
                    'max_hours_per_day', 'behaviour_scale_max')
    def _check_limits(self):
        for scheme in self:
            if scheme.achievement_ceiling < 100:
                raise ValidationError(_(
                    'The achievement ceiling must be at least 100 %.'))
            if scheme.report_window_days < 0:
                raise ValidationError(_(
                    'The report window cannot be negative.'))
            if not 0 < scheme.max_hours_per_day <= 24:
                raise ValidationError(_(
                    'The maximum hours per day must be between 0 and 24.'))
            if scheme.behaviour_scale_max <= 0:
                raise ValidationError(_(
                    'The behaviour rating scale must be above zero.'))

    @api.model
    def _get_scheme(self, company=None):
        company = company or self.env.user.company_id
        scheme = self.sudo().search(
            [('company_id', '=', company.id)], limit=1)
        if not scheme:
            scheme = self.sudo().env.ref(
                'hr_kinerja.kinerja_scheme_default', raise_if_not_found=False)
        if not scheme:
            scheme = self.sudo().search([], limit=1)
        return scheme

    def _thresholds(self):
        return [(p.id, p.min_score) for p in self.predicate_ids]


class KinerjaPredicate(models.Model):
    """A rating predicate (Sangat Baik ... Sangat Kurang) with its
    minimum final score and department quota."""
    _name = 'kinerja.predicate'
    _description = 'Performance Predicate'
    _order = 'min_score desc'

    name = fields.Char(required=True, translate=True)
    scheme_id = fields.Many2one(
        'kinerja.scheme', required=True, ondelete='cascade')
    min_score = fields.Float('Minimum score', required=True)
    max_percent = fields.Float(
        'Department quota (%)',
        help='At most this share of a department may get this predicate '
             'in a month; 0 means no quota.')
    color = fields.Integer()

    @api.constrains('min_score', 'max_percent')
    def _check_values(self):
        for predicate in self:
            if predicate.min_score < 0:
                raise ValidationError(_(
                    'The minimum score of a predicate cannot be negative.'))
            if not 0 <= predicate.max_percent <= 100:
                raise ValidationError(_(
                    'A department quota must be between 0 and 100 %.'))


class KinerjaBehaviourAspect(models.Model):
    """A behaviour aspect rated monthly (the seven BerAKHLAK values)."""
    _name = 'kinerja.behaviour.aspect'
    _description = 'Behaviour Aspect'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(default=1.0)
    active = fields.Boolean(default=True)

    @api.constrains('weight')
    def _check_weight(self):
        if any(a.weight <= 0 for a in self):
            raise ValidationError(_(
                'The weight of a behaviour aspect must be above zero.'))
