from odoo import api, fields, models, tools

from ..tools import simpeg
from .hr_employee import EMPLOYMENT_STATUS


class HrSimpegDuk(models.Model):
    """Seniority list (Daftar Urut Kepangkatan): active employees ordered
    by grade, grade TMT, position level, years of service, education and
    age."""
    _name = 'hr.simpeg.duk'
    _description = 'Seniority list (DUK)'
    _auto = False
    _order = 'duk_rank'
    _rec_name = 'employee_id'

    duk_rank = fields.Integer(string='No.', readonly=True)
    employee_id = fields.Many2one('hr.employee', readonly=True)
    nipp = fields.Char(string='NIPP', readonly=True)
    name = fields.Char(readonly=True)
    employment_status = fields.Selection(EMPLOYMENT_STATUS, readonly=True)
    grade_id = fields.Many2one('hr.simpeg.grade', string='Grade',
                               readonly=True)
    grade_date = fields.Date(string='Grade TMT', readonly=True)
    job_id = fields.Many2one('hr.job', string='Position', readonly=True)
    position_level = fields.Integer(readonly=True)
    department_id = fields.Many2one('hr.department', string='Unit',
                                    readonly=True)
    join_date = fields.Date(readonly=True)
    service_years = fields.Integer(string='Years of Service', readonly=True)
    highest_education = fields.Selection(simpeg.EDUCATION_LEVELS,
                                         string='Education', readonly=True)
    birthday = fields.Date(string='Date of Birth', readonly=True)
    age = fields.Integer(readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    employee_count = fields.Integer(string='Employees', readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        education = ', '.join(
            "('%s', %d)" % (code, rank)
            for code, rank in sorted(simpeg.EDUCATION_RANK.items()))
        self.env.cr.execute("""
            CREATE VIEW hr_simpeg_duk AS (
                SELECT
                    e.id AS id,
                    row_number() OVER (ORDER BY
                        g.sequence DESC NULLS LAST,
                        e.grade_date ASC NULLS LAST,
                        COALESCE(j.position_level, 0) DESC,
                        e.join_date ASC NULLS LAST,
                        COALESCE(edu.rank, 0) DESC,
                        e.birthday ASC NULLS LAST,
                        e.name, e.id) AS duk_rank,
                    e.id AS employee_id,
                    e.nipp AS nipp,
                    e.name AS name,
                    e.employment_status AS employment_status,
                    e.grade_id AS grade_id,
                    e.grade_date AS grade_date,
                    e.current_job_id AS job_id,
                    COALESCE(j.position_level, 0) AS position_level,
                    COALESCE(e.current_department_id, e.department_id)
                        AS department_id,
                    e.join_date AS join_date,
                    date_part('year', age(current_date, e.join_date))::int
                        AS service_years,
                    e.highest_education AS highest_education,
                    e.birthday AS birthday,
                    date_part('year', age(current_date, e.birthday))::int
                        AS age,
                    e.company_id AS company_id,
                    1 AS employee_count
                FROM hr_employee e
                LEFT JOIN hr_simpeg_grade g ON g.id = e.grade_id
                LEFT JOIN hr_job j ON j.id = e.current_job_id
                LEFT JOIN (VALUES %s) AS edu(code, rank)
                    ON edu.code = e.highest_education
                WHERE e.active
            )""" % education)
