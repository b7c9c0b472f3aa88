# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools


class KinerjaAssessmentYear(models.Model):
    """Yearly roll-up of the monthly assessments (SQL view)."""
    _name = 'kinerja.assessment.year'
    _description = 'Yearly Performance Roll-up'
    _auto = False
    _order = 'year desc, final_score desc'
    _rec_name = 'employee_id'

    employee_id = fields.Many2one('hr.employee', readonly=True)
    department_id = fields.Many2one('hr.department', readonly=True)
    manager_id = fields.Many2one('hr.employee', string='Supervisor',
                                 readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    year = fields.Integer('Year (number)', readonly=True)
    year_label = fields.Char('Year', readonly=True)  # see kinerja.plan
    months = fields.Integer('Months assessed', readonly=True)
    approved_months = fields.Integer(readonly=True)
    work_score = fields.Float(readonly=True, group_operator='avg')
    behaviour_score = fields.Float(readonly=True, group_operator='avg')
    discipline_score = fields.Float(readonly=True, group_operator='avg')
    final_score = fields.Float(readonly=True, group_operator='avg')
    predicate_id = fields.Many2one('kinerja.predicate', readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kinerja_assessment_year AS (
            SELECT y.*,
                   (SELECT p.id FROM kinerja_predicate p
                      JOIN kinerja_scheme s ON s.id = p.scheme_id
                     WHERE s.active AND s.company_id = y.company_id
                       AND p.min_score <= y.final_score
                     ORDER BY p.min_score DESC LIMIT 1) AS predicate_id
              FROM (
                SELECT min(a.id) AS id, a.employee_id, a.year,
                       a.year::varchar AS year_label, a.company_id,
                       (array_agg(a.department_id ORDER BY a.month DESC))[1]
                           AS department_id,
                       (array_agg(a.manager_id ORDER BY a.month DESC))[1]
                           AS manager_id,
                       count(*) AS months,
                       count(*) FILTER (WHERE a.state = 'approved')
                           AS approved_months,
                       round(avg(a.work_score)::numeric, 2)::float
                           AS work_score,
                       round(avg(a.behaviour_score)::numeric, 2)::float
                           AS behaviour_score,
                       round(avg(a.discipline_score)::numeric, 2)::float
                           AS discipline_score,
                       round(avg(a.final_score)::numeric, 2)::float
                           AS final_score
                  FROM kinerja_assessment a
                 GROUP BY a.employee_id, a.year, a.company_id) y
            )""")


class KinerjaProgress(models.Model):
    """Progress of each target of the year from approved reports."""
    _name = 'kinerja.progress'
    _description = 'Target Progress'
    _auto = False
    _order = 'year desc, employee_id, sequence'
    _rec_name = 'target_id'

    target_id = fields.Many2one('kinerja.target', readonly=True)
    plan_id = fields.Many2one('kinerja.plan', readonly=True)
    employee_id = fields.Many2one('hr.employee', readonly=True)
    department_id = fields.Many2one('hr.department', readonly=True)
    manager_id = fields.Many2one('hr.employee', string='Supervisor',
                                 readonly=True)
    year = fields.Integer('Year (number)', readonly=True)
    year_label = fields.Char('Year', readonly=True)  # see kinerja.plan
    sequence = fields.Integer(readonly=True)
    name = fields.Char('Work result', readonly=True)
    uom = fields.Char('Unit', readonly=True)
    weight = fields.Float('Weight (%)', readonly=True)
    quantity = fields.Float('Quantity target', readonly=True)
    realised = fields.Float('Realised (approved)', readonly=True)
    pending = fields.Float('Awaiting approval', readonly=True)
    hours = fields.Float('Hours reported', readonly=True)
    progress = fields.Float('Progress (%)', readonly=True,
                            group_operator='avg')

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kinerja_progress AS (
            SELECT t.id, t.id AS target_id, t.plan_id, p.employee_id,
                   e.department_id, e.parent_id AS manager_id, p.year,
                   p.year::varchar AS year_label, t.sequence, t.name,
                   t.uom, t.weight, t.quantity,
                   coalesce(sum(a.quantity) FILTER (
                       WHERE a.state = 'approved'), 0) AS realised,
                   coalesce(sum(a.quantity) FILTER (
                       WHERE a.state = 'submitted'), 0) AS pending,
                   coalesce(sum(a.duration) FILTER (
                       WHERE a.state IN ('approved', 'submitted')), 0)
                       AS hours,
                   round((100.0 * coalesce(sum(a.quantity) FILTER (
                       WHERE a.state = 'approved'), 0)
                       / nullif(t.quantity, 0))::numeric, 2)::float
                       AS progress
              FROM kinerja_target t
              JOIN kinerja_plan p ON p.id = t.plan_id
              JOIN hr_employee e ON e.id = p.employee_id
              LEFT JOIN kinerja_activity a ON a.target_id = t.id
             GROUP BY t.id, p.employee_id, e.department_id, e.parent_id,
                      p.year
            )""")


class KinerjaMissingReport(models.Model):
    """Working days (Monday to Friday) of the recent past on which an
    employee with an approved plan reported nothing. Days that the
    attendance records mark as leave, public holiday, weekend or absence
    are not counted. The id is stable: employee and day, as the bigint
    employee id * 100000 + days since 2000-01-01 (unique up to the year
    2273, and below 2^53 for any employee id, so JavaScript keeps it
    exact)."""
    _name = 'kinerja.missing.report'
    _description = 'Missing Daily Report'
    _auto = False
    _order = 'date desc, employee_id'
    _rec_name = 'employee_id'

    employee_id = fields.Many2one('hr.employee', readonly=True)
    department_id = fields.Many2one('hr.department', readonly=True)
    manager_id = fields.Many2one('hr.employee', string='Supervisor',
                                 readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    date = fields.Date(readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kinerja_missing_report AS (
            SELECT p.employee_id::bigint * 100000
                   + (d.day::date - date '2000-01-01') AS id,
                   p.employee_id, e.department_id,
                   e.parent_id AS manager_id, p.company_id,
                   d.day::date AS date
              FROM kinerja_plan p
              JOIN hr_employee e ON e.id = p.employee_id AND e.active
              JOIN kinerja_scheme s ON s.company_id = p.company_id
                                   AND s.active
              CROSS JOIN LATERAL generate_series(
                  current_date - s.missing_report_days,
                  current_date - 1, interval '1 day') AS d(day)
             WHERE p.state = 'approved'
               AND extract(year FROM d.day) = p.year
               AND extract(isodow FROM d.day) < 6
               AND NOT EXISTS (SELECT 1 FROM kinerja_activity a
                                WHERE a.employee_id = p.employee_id
                                  AND a.date = d.day::date
                                  AND a.state != 'rejected')
               AND NOT EXISTS (SELECT 1 FROM hr_presensi_day pd
                                WHERE pd.employee_id = p.employee_id
                                  AND pd.date = d.day::date
                                  AND pd.status IN ('leave', 'holiday',
                                                    'weekend', 'absent'))
            )""")
