# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import KinerjaCase


class TestActivity(KinerjaCase):

    @classmethod
    def setUpClass(cls):
        super(TestActivity, cls).setUpClass()
        cls.plan = cls.make_plan(cls.emp)
        cls.plan2 = cls.make_plan(cls.emp2)
        cls.target = cls.plan.target_ids[0]

    def count(self):
        return self.env['kinerja.activity'].search_count(
            [('employee_id', 'in', (self.emp | self.emp2).ids)])

    def test_employee_reports_and_submits(self):
        report = self.make_report(self.emp, self.target, user=self.user_emp)
        self.assertEqual(report.state, 'draft')
        self.assertEqual(report.plan_id, self.plan)
        report.sudo(self.user_emp).action_submit()
        self.assertEqual(report.state, 'submitted')
        with self.assertRaises((UserError, AccessError)):
            report.sudo(self.user_emp).write({'quantity': 5})
        self.assertEqual(report.quantity, 1.0)

    def test_onchange_employee_clears_foreign_target(self):
        report = self.env['kinerja.activity'].new({
            'employee_id': self.emp2.id, 'target_id': self.target.id})
        report._onchange_employee_id()
        self.assertFalse(report.target_id)
        report = self.env['kinerja.activity'].new({
            'employee_id': self.emp.id, 'target_id': self.target.id})
        report._onchange_employee_id()
        self.assertEqual(report.target_id, self.target)

    def test_future_date_refused(self):
        self.assert_refused(ValidationError, 'future', self.make_report,
                            self.emp, self.target, date='2025-03-15',
                            user=self.user_emp)
        self.assertEqual(self.count(), 0)

    def test_window(self):
        # three days back is allowed, four is not (default window 3)
        self.make_report(self.emp, self.target, date='2025-03-11',
                         user=self.user_emp)
        self.assert_refused(ValidationError, '3 days', self.make_report,
                            self.emp, self.target, date='2025-03-10',
                            user=self.user_emp)
        self.assertEqual(self.count(), 1)
        # HR widens the window: the same report is now accepted
        self.scheme.report_window_days = 5
        self.make_report(self.emp, self.target, date='2025-03-10',
                         user=self.user_emp)
        self.assertEqual(self.count(), 2)

    def test_messages_in_indonesian(self):
        indonesian = self.env(context=dict(self.env.context, lang='id_ID'))
        with self.assertRaisesRegex(ValidationError, 'tidak boleh negatif'):
            with self.env.cr.savepoint():
                indonesian['kinerja.activity'].sudo(self.user_emp).create({
                    'employee_id': self.emp.id, 'target_id': self.target.id,
                    'date': '2025-03-14', 'name': 'X', 'quantity': -1,
                    'duration': 1})
        menu = indonesian.ref('hr_kinerja.kinerja_menu_mine')
        self.assertEqual(menu.name, 'Kinerja Saya')

    def test_other_employees_target_refused(self):
        self.assert_refused(ValidationError, 'own targets', self.make_report,
                            self.emp, self.plan2.target_ids[0],
                            user=self.user_emp)
        self.assertEqual(self.count(), 0)

    def test_unapproved_plan_refused(self):
        draft = self.make_plan(self.other, approve=False)
        with self.assertRaisesRegex(ValidationError, 'not approved'):
            self.make_report(self.other, draft.target_ids[0],
                             user=self.user_other)

    def test_negative_quantity_refused(self):
        self.assert_refused(ValidationError, 'negative', self.make_report,
                            self.emp, self.target, quantity=-2,
                            user=self.user_emp)
        self.assertEqual(self.count(), 0)

    def test_hours_per_day(self):
        self.make_report(self.emp, self.target, duration=16,
                         user=self.user_emp)
        self.make_report(self.emp, self.target, duration=8,
                         user=self.user_emp)
        self.assert_refused(ValidationError, '24', self.make_report,
                            self.emp, self.target, duration=0.5,
                            user=self.user_emp)
        self.assert_refused(ValidationError, '24', self.make_report,
                            self.emp, self.target, duration=25,
                            date='2025-03-13', user=self.user_emp)
        self.assertEqual(self.count(), 2)

    def test_cannot_approve_own_report(self):
        report = self.make_report(self.sup, self.make_plan(
            self.sup).target_ids[0], user=self.user_sup)
        report.sudo(self.user_sup).action_submit()
        with self.assertRaisesRegex(UserError, 'own'):
            report.sudo(self.user_sup).action_approve()
        self.assertEqual(report.state, 'submitted')
        report.sudo(self.user_head).action_approve()
        self.assertEqual(report.state, 'approved')

    def test_approve_many_at_once(self):
        reports = self.env['kinerja.activity']
        for employee, plan in ((self.emp, self.plan), (self.emp2, self.plan2)):
            for day in ('2025-03-12', '2025-03-13'):
                reports |= self.make_report(employee, plan.target_ids[0],
                                            date=day)
        reports.action_submit()
        # the head of department is above the supervisor: indirect reports
        reports.sudo(self.user_head).action_approve()
        self.assertEqual(set(reports.mapped('state')), {'approved'})
        self.assertEqual(reports.mapped('approved_by_id'), self.user_head)

    def test_outsider_cannot_approve(self):
        report = self.make_report(self.emp, self.target)
        report.action_submit()
        with self.assertRaises((UserError, AccessError)):
            report.sudo(self.user_other).action_approve()
        self.assertEqual(report.state, 'submitted')

    def test_reject_with_reason(self):
        report = self.make_report(self.emp, self.target)
        report.action_submit()
        with self.assertRaises(UserError):
            report.sudo(self.user_sup).action_reject('  ')
        self.assertEqual(report.state, 'submitted')
        action = report.sudo(self.user_sup).action_open_reject_wizard()
        wizard = self.env[action['res_model']].sudo(self.user_sup).with_context(
            action['context']).create({'reason': 'No evidence attached'})
        wizard.action_reject()
        self.assertEqual(report.state, 'rejected')
        self.assertEqual(report.reject_reason, 'No evidence attached')
        # the employee corrects it and submits again
        report.sudo(self.user_emp).write({'quantity': 2})
        report.sudo(self.user_emp).action_submit()
        self.assertEqual(report.state, 'submitted')
        self.assertFalse(report.reject_reason)

    def test_server_action_approves_selection(self):
        reports = self.make_report(self.emp, self.target) | self.make_report(
            self.emp2, self.plan2.target_ids[0])
        reports.action_submit()
        action = self.env.ref(
            'hr_kinerja.ir_actions_server_kinerja_activity_approve')
        action.sudo(self.user_sup).with_context(
            active_model='kinerja.activity', active_ids=reports.ids,
            active_id=reports[0].id).run()
        self.assertEqual(set(reports.mapped('state')), {'approved'})
