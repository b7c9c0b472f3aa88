# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools


class HrPresensiRecap(models.Model):
    """Monthly attendance recap per employee (rekap presensi), a SQL view
    over the employee-day statuses. Its id is stable (employee and month),
    so that recomputing the days keeps the recap's ids."""
    _name = 'hr.presensi.recap'
    _description = 'Monthly Attendance Recap'
    _auto = False
    _order = 'month desc, employee_id'
    _rec_name = 'employee_id'

    employee_id = fields.Many2one('hr.employee', readonly=True)
    department_id = fields.Many2one('hr.department', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    month = fields.Date(readonly=True)
    working_days = fields.Integer(readonly=True)
    present_days = fields.Integer(readonly=True)
    late_count = fields.Integer('Late days', readonly=True)
    late_minutes = fields.Integer(readonly=True)
    early_leave_minutes = fields.Integer(readonly=True)
    absent_days = fields.Integer(readonly=True)
    leave_days = fields.Integer(readonly=True)
    duty_days = fields.Integer(readonly=True)
    holiday_days = fields.Integer('Public holidays', readonly=True)
    worked_hours = fields.Float(readonly=True)
    attendance_rate = fields.Float('Attendance rate (%)', readonly=True,
                                   group_operator='avg')

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        # Naming the grouped employees must not prefetch all their fields
        # (images included): read their names only.
        return super(HrPresensiRecap, self.with_context(
            prefetch_fields=False)).read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW hr_presensi_recap AS (
            SELECT (d.employee_id::bigint * 100000
                    + extract(year FROM min(d.date))::bigint * 12
                    + extract(month FROM min(d.date))::bigint) AS id,
                   d.employee_id, e.department_id, r.company_id,
                   date_trunc('month', d.date)::date AS month,
                   count(*) FILTER (WHERE d.status IN
                       ('present', 'late', 'absent', 'leave', 'duty'))
                       AS working_days,
                   count(*) FILTER (WHERE d.status IN ('present', 'late'))
                       AS present_days,
                   count(*) FILTER (WHERE d.status = 'late') AS late_count,
                   sum(d.late_minutes) FILTER (WHERE d.status IN
                       ('present', 'late')) AS late_minutes,
                   sum(d.early_leave_minutes) FILTER (WHERE d.status IN
                       ('present', 'late')) AS early_leave_minutes,
                   count(*) FILTER (WHERE d.status = 'absent')
                       AS absent_days,
                   count(*) FILTER (WHERE d.status = 'leave') AS leave_days,
                   count(*) FILTER (WHERE d.status = 'duty') AS duty_days,
                   count(*) FILTER (WHERE d.status = 'holiday')
                       AS holiday_days,
                   sum(d.worked_hours) AS worked_hours,
                   round(100.0 * count(*) FILTER (WHERE d.status IN
                       ('present', 'late', 'duty'))
                       / nullif(count(*) FILTER (WHERE d.status IN
                       ('present', 'late', 'absent', 'leave', 'duty')), 0),
                       2)::float AS attendance_rate
              FROM hr_presensi_day d
              JOIN hr_employee e ON e.id = d.employee_id
              JOIN resource_resource r ON r.id = e.resource_id
             GROUP BY d.employee_id, e.department_id, r.company_id,
                      date_trunc('month', d.date)
            )""")
