# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

from unittest.mock import patch

from odoo.tests.common import SavepointCase

TODAY = datetime.date(2025, 3, 14)


class KinerjaCase(SavepointCase):
    """A small organisation: head > supervisor > two staff, an outsider
    in another team, and an HR manager. Dates are fixed at TODAY."""

    @classmethod
    def setUpClass(cls):
        super(KinerjaCase, cls).setUpClass()
        # Messages are asserted in English, whatever the database's
        # language.
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US',
                                       tracking_disable=True,
                                       mail_create_nolog=True,
                                       mail_notrack=True))
        Users = cls.env['res.users'].with_context(no_reset_password=True)
        group_user = cls.env.ref('base.group_user')

        def user(login, groups):
            return Users.create({
                'name': login.title(), 'login': login,
                'email': '%s@example.com' % login,
                'groups_id': [(6, 0, [group_user.id] + [
                    cls.env.ref(g).id for g in groups])],
            })
        cls.user_head = user('kin_head', ['hr_kinerja.group_kinerja_supervisor'])
        cls.user_sup = user('kin_sup', ['hr_kinerja.group_kinerja_supervisor'])
        cls.user_emp = user('kin_emp', [])
        cls.user_other = user('kin_other', [])
        cls.user_hr = user('kin_hr', ['hr.group_hr_manager'])
        Employee = cls.env['hr.employee']
        cls.department = cls.env['hr.department'].create({'name': 'Distribusi Test'})
        cls.department2 = cls.env['hr.department'].create({'name': 'Keuangan Test'})
        cls.job = cls.env['hr.job'].create({'name': 'Teknisi Test'})
        cls.head = Employee.create({'name': 'Head', 'user_id': cls.user_head.id,
                                    'department_id': cls.department.id})
        cls.sup = Employee.create({'name': 'Sup', 'user_id': cls.user_sup.id,
                                   'parent_id': cls.head.id,
                                   'department_id': cls.department.id})
        cls.emp = Employee.create({'name': 'Emp', 'user_id': cls.user_emp.id,
                                   'parent_id': cls.sup.id,
                                   'job_id': cls.job.id,
                                   'department_id': cls.department.id})
        cls.emp2 = Employee.create({'name': 'Emp Two', 'parent_id': cls.sup.id,
                                    'department_id': cls.department.id})
        cls.other = Employee.create({'name': 'Other',
                                     'user_id': cls.user_other.id,
                                     'department_id': cls.department2.id})
        cls.hr = Employee.create({'name': 'HR', 'user_id': cls.user_hr.id})
        cls.scheme = cls.env['kinerja.scheme']._get_scheme(
            cls.env.user.company_id)

    def setUp(self):
        super(KinerjaCase, self).setUp()
        activity_class = type(self.env['kinerja.activity'])
        patcher = patch.object(activity_class, '_kinerja_today',
                               lambda rec: TODAY)
        patcher.start()
        self.addCleanup(patcher.stop)

    @classmethod
    def make_plan(cls, employee, weights=(60, 40), year=2025,
                  approve=True, quantity=12.0):
        plan = cls.env['kinerja.plan'].create({
            'employee_id': employee.id,
            'year': year,
            'target_ids': [(0, 0, {
                'name': 'Result %s' % i, 'indicator': 'Indicator %s' % i,
                'quantity': quantity, 'uom': 'dokumen', 'weight': w,
            }) for i, w in enumerate(weights, start=1)],
        })
        if approve:
            plan.write({'state': 'approved'})
        return plan

    def assert_refused(self, exception, regex, func, *args, **kwargs):
        """func raises exception (matching regex) and leaves nothing
        behind, as the request's rollback would."""
        with self.assertRaisesRegex(exception, regex):
            with self.env.cr.savepoint():
                func(*args, **kwargs)

    def make_report(self, employee, target, date=None, user=None, **vals):
        values = {
            'employee_id': employee.id,
            'target_id': target.id,
            'date': date or TODAY.isoformat(),
            'name': 'Work done',
            'quantity': 1.0,
            'duration': 2.0,
        }
        values.update(vals)
        Activity = self.env['kinerja.activity']
        if user:
            Activity = Activity.sudo(user)
        return Activity.create(values)
