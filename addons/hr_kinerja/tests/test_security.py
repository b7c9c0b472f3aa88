# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import KinerjaCase


class TestSecurity(KinerjaCase):
    """Log in as each tier and try what it may and may not do."""

    @classmethod
    def setUpClass(cls):
        super(TestSecurity, cls).setUpClass()
        cls.plan_emp = cls.make_plan(cls.emp)
        cls.plan_emp2 = cls.make_plan(cls.emp2)
        cls.plan_other = cls.make_plan(cls.other)
        cls.plans = cls.plan_emp | cls.plan_emp2 | cls.plan_other
        Activity = cls.env['kinerja.activity']
        cls.reports = Activity
        for plan in cls.plans:
            cls.reports |= Activity.create({
                'employee_id': plan.employee_id.id,
                'target_id': plan.target_ids[0].id, 'date': '2025-03-13',
                'name': 'Done', 'quantity': 1, 'duration': 2})

    def visible(self, model, user, records):
        return self.env[model].sudo(user).search(
            [('id', 'in', records.ids)])

    def test_employee_sees_own_only(self):
        self.assertEqual(self.visible('kinerja.plan', self.user_emp,
                                      self.plans), self.plan_emp)
        self.assertEqual(
            self.visible('kinerja.activity', self.user_emp,
                         self.reports).mapped('employee_id'), self.emp)
        with self.assertRaises(AccessError):
            self.plan_emp2.sudo(self.user_emp).read(['name'])
        with self.assertRaises(AccessError):
            self.reports.filtered(
                lambda r: r.employee_id == self.other).sudo(
                    self.user_emp).read(['name'])

    def test_employee_edits_own_draft_only(self):
        draft = self.make_plan(self.emp, year=2026, approve=False)
        draft.sudo(self.user_emp).write({'revision_note': 'ok'})
        self.assertEqual(draft.revision_note, 'ok')
        with self.assertRaises(AccessError):
            self.plan_emp.sudo(self.user_emp).write({'revision_note': 'x'})
        with self.assertRaises(AccessError):
            self.plan_emp2.sudo(self.user_emp).write({'revision_note': 'x'})
        with self.assertRaises(AccessError):
            self.env['kinerja.plan'].sudo(self.user_emp).create({
                'employee_id': self.emp2.id, 'year': 2026})
        mine = self.reports.filtered(lambda r: r.employee_id == self.emp)
        mine.sudo(self.user_emp).write({'name': 'Fixed'})
        mine.action_submit()
        with self.assertRaises((AccessError, UserError)):
            mine.sudo(self.user_emp).write({'name': 'Again'})
        self.assertEqual(mine.name, 'Fixed')

    def test_supervisor_sees_team(self):
        team = self.plan_emp | self.plan_emp2
        self.assertEqual(self.visible('kinerja.plan', self.user_sup,
                                      self.plans), team)
        # indirect reports too, through the manager hierarchy
        self.assertEqual(self.visible('kinerja.plan', self.user_head,
                                      self.plans), team)
        self.assertEqual(
            self.visible('kinerja.activity', self.user_head,
                         self.reports).mapped('employee_id'),
            self.emp | self.emp2)
        with self.assertRaises(AccessError):
            self.plan_other.sudo(self.user_sup).read(['name'])

    def test_hr_sees_all(self):
        self.assertEqual(self.visible('kinerja.plan', self.user_hr,
                                      self.plans), self.plans)
        self.assertEqual(self.visible('kinerja.activity', self.user_hr,
                                      self.reports), self.reports)
        # HR may adjust the scheme; employees may not
        self.scheme.sudo(self.user_hr).write({'report_window_days': 4})
        with self.assertRaises(AccessError):
            self.scheme.sudo(self.user_emp).write({'report_window_days': 9})
        self.assertEqual(self.scheme.report_window_days, 4)

    def test_team_is_the_manager_hierarchy_below(self):
        # the one team search behind reviewing reports and assessments:
        # the supervisors themselves (their own records are refused
        # before) and everyone below them
        self.assertEqual(self.head._kinerja_team(),
                         self.head | self.sup | self.emp | self.emp2)
        self.assertEqual(self.sup._kinerja_team(),
                         self.sup | self.emp | self.emp2)
        self.assertEqual((self.sup | self.other)._kinerja_team(),
                         self.sup | self.emp | self.emp2 | self.other)
        self.assertEqual(self.emp._kinerja_team(), self.emp)
        self.assertFalse(self.env['hr.employee']._kinerja_team())
        # read as the system, whoever asks
        team = self.sup.sudo(self.user_sup)._kinerja_team()
        self.assertEqual(team, self.sup | self.emp | self.emp2)
        self.assertEqual(team.env.uid, 1)

    def test_groups_chained(self):
        manager = self.env.ref('hr_kinerja.group_kinerja_manager')
        self.assertIn(manager, self.user_hr.groups_id)
        self.assertTrue(self.user_hr.has_group(
            'hr_kinerja.group_kinerja_user'))
        self.assertTrue(self.user_emp.has_group(
            'hr_kinerja.group_kinerja_user'))
        self.assertFalse(self.user_emp.has_group(
            'hr_kinerja.group_kinerja_supervisor'))

    def test_dashboards_follow_rules(self):
        Progress = self.env['kinerja.progress']
        self.assertEqual(
            Progress.sudo(self.user_emp).search([]).mapped('employee_id'),
            self.emp)
        self.assertEqual(
            Progress.sudo(self.user_sup).search([]).mapped('employee_id'),
            self.emp | self.emp2)
