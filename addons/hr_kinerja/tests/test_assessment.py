# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import KinerjaCase


class TestAssessment(KinerjaCase):

    @classmethod
    def setUpClass(cls):
        super(TestAssessment, cls).setUpClass()
        cls.plan = cls.make_plan(cls.emp)          # 12 a year: 1 a month
        cls.plan2 = cls.make_plan(cls.emp2)
        Activity = cls.env['kinerja.activity']
        t1, t2 = cls.plan.target_ids

        def report(target, date, quantity, state='approved'):
            return Activity.create({
                'employee_id': target.plan_id.employee_id.id,
                'target_id': target.id, 'date': date, 'name': 'Done',
                'quantity': quantity, 'duration': 2, 'state': state})
        report(t1, '2025-02-03', 2)
        report(t1, '2025-02-04', 1)           # 300 % -> capped at 120
        report(t2, '2025-02-05', 0.5)         # 50 %
        report(t2, '2025-02-06', 4, 'submitted')   # not approved yet
        report(t2, '2025-03-03', 4)           # another month
        report(cls.plan2.target_ids[0], '2025-02-10', 1)
        report(cls.plan2.target_ids[1], '2025-02-10', 1)

    def assess(self):
        return self.env['kinerja.assessment'].create_monthly_assessments(
            '2025-02-28')

    def mine(self, assessments=None):
        return (assessments or self.env['kinerja.assessment'].search([])
                ).filtered(lambda a: a.employee_id == self.emp)

    def rate(self, assessment, rating, user=None):
        lines = assessment.behaviour_ids
        if user:
            lines = lines.sudo(user)
        lines.write({'rating': rating})

    def test_cron_only_at_month_end(self):
        Assessment = self.env['kinerja.assessment']
        self.assertFalse(Assessment.cron_monthly_assessments('2025-02-27'))
        created = Assessment.cron_monthly_assessments('2025-02-28')
        self.assertEqual(created.mapped('employee_id'), self.emp | self.emp2)
        self.assertEqual(set(created.mapped('month')), {'2025-02-01'})
        # running it again creates nothing new
        again = Assessment.cron_monthly_assessments('2025-02-28')
        self.assertEqual(again, created)

    def test_work_score_from_approved_reports(self):
        assessment = self.mine(self.assess())
        self.assertEqual(len(assessment.line_ids), 2)
        line1, line2 = assessment.line_ids.sorted('sequence')
        self.assertEqual(line1.monthly_target, 1.0)
        self.assertEqual(line1.realisation, 3.0)
        self.assertEqual(line1.achievement, 120.0)
        self.assertEqual(line2.realisation, 0.5)
        self.assertEqual(line2.achievement, 50.0)
        self.assertAlmostEqual(assessment.work_score, 92.0)
        self.assertEqual(len(assessment.behaviour_ids), 7)

    def test_final_score_and_predicate(self):
        assessment = self.mine(self.assess())
        self.rate(assessment, 4, user=self.user_sup)
        self.assertAlmostEqual(assessment.behaviour_score, 80.0)
        # no attendance data: the scheme's score for a missing recap
        self.assertAlmostEqual(assessment.discipline_score, 100.0)
        # 0.6 * 92 + 0.2 * 80 + 0.2 * 100
        self.assertAlmostEqual(assessment.final_score, 91.2)
        self.assertEqual(assessment.predicate_id,
                         self.env.ref('hr_kinerja.kinerja_predicate_very_good'))

    def test_discipline_from_attendance_recap(self):
        Day = self.env['hr.presensi.day']
        statuses = [('2025-02-03', 'late', 30, 0), ('2025-02-04', 'late', 15, 0),
                    ('2025-02-05', 'absent', 0, 0),
                    ('2025-02-06', 'present', 0, 60),
                    ('2025-02-07', 'present', 0, 0)]
        for date, status, late, early in statuses:
            Day.create({'employee_id': self.emp.id, 'date': date,
                        'status': status, 'late_minutes': late,
                        'early_leave_minutes': early})
        recap = self.env['hr.presensi.recap'].search([
            ('employee_id', '=', self.emp.id), ('month', '=', '2025-02-01')])
        self.assertEqual(recap.late_count, 2)
        assessment = self.mine(self.assess())
        self.rate(assessment, 4, user=self.user_sup)
        self.assertEqual(assessment.late_count, 2)
        self.assertEqual(assessment.absent_days, 1)
        self.assertEqual(assessment.late_minutes, 45)
        # 100 - 2 late days x 1 - 1 absent day x 5 - 1 h early x 0.5
        self.assertAlmostEqual(assessment.discipline_score, 92.5)
        self.assertAlmostEqual(assessment.final_score, 89.7)
        self.assertEqual(assessment.predicate_id,
                         self.env.ref('hr_kinerja.kinerja_predicate_good'))
        # the rule is data: a heavier penalty per absent day
        self.scheme.absent_day_penalty = 10
        assessment.sudo(self.user_sup).action_recompute()
        self.assertAlmostEqual(assessment.discipline_score, 87.5)

    def test_weights_and_thresholds_are_data(self):
        self.scheme.write({'work_weight': 100, 'behaviour_weight': 0,
                           'discipline_weight': 0,
                           'achievement_ceiling': 100})
        self.env.ref('hr_kinerja.kinerja_predicate_good').min_score = 70
        assessment = self.mine(self.assess())
        # (100 * 60 + 50 * 40) / 100
        self.assertAlmostEqual(assessment.final_score, 80.0)
        self.assertEqual(assessment.predicate_id,
                         self.env.ref('hr_kinerja.kinerja_predicate_good'))
        with self.assertRaises(ValidationError):
            self.scheme.write({'work_weight': -1})

    def test_recompute_after_more_approvals(self):
        assessment = self.mine(self.assess())
        pending = self.env['kinerja.activity'].search([
            ('employee_id', '=', self.emp.id), ('state', '=', 'submitted')])
        pending.sudo(self.user_sup).action_approve()
        assessment.sudo(self.user_sup).action_recompute()
        line2 = assessment.line_ids.sorted('sequence')[1]
        self.assertEqual(line2.realisation, 4.5)
        self.assertEqual(line2.achievement, 120.0)
        self.assertAlmostEqual(assessment.work_score, 120.0)

    def test_approval_needs_ratings(self):
        assessment = self.mine(self.assess())
        with self.assertRaisesRegex(UserError, 'behaviour'):
            assessment.sudo(self.user_sup).action_approve()
        self.assertEqual(assessment.state, 'draft')

    def test_bad_rating_refused(self):
        assessment = self.mine(self.assess())
        with self.assertRaises(ValidationError):
            self.rate(assessment, 7, user=self.user_sup)

    def test_quota_warning_and_confirmation(self):
        assessments = self.assess()
        for assessment in assessments:
            self.rate(assessment, 5, user=self.user_sup)
        very_good = self.env.ref('hr_kinerja.kinerja_predicate_very_good')
        self.assertEqual(assessments.mapped('predicate_id'), very_good)
        first, second = assessments.sorted('id')
        # one of two (50 %) is already beyond the 20 % quota
        self.assertIn('quota', first.quota_warning)
        action = first.sudo(self.user_sup).action_approve()
        self.assertEqual(action['res_model'], 'kinerja.quota.wizard')
        self.assertEqual(first.state, 'draft')
        wizard = self.env['kinerja.quota.wizard'].browse(action['res_id'])
        self.assertIn('Distribusi Test', wizard.message)
        wizard.sudo(self.user_sup).action_confirm()
        self.assertEqual(first.state, 'approved')
        self.assertEqual(first.approved_by_id, self.user_sup)
        # with a 50 % quota the second one is still warned (2 of 2)
        very_good.max_percent = 50
        second.invalidate_cache()
        self.assertTrue(second.quota_warning)
        very_good.max_percent = 100
        second.invalidate_cache()
        self.assertFalse(second.quota_warning)
        self.assertTrue(second.sudo(self.user_sup).action_approve())
        self.assertEqual(second.state, 'approved')
        # approved assessments are frozen
        with self.assertRaises(UserError):
            self.rate(second, 3, user=self.user_sup)
        with self.assertRaises(UserError):
            second._kinerja_compute()

    def test_employee_can_never_edit_scores(self):
        assessment = self.mine(self.assess())
        as_emp = assessment.sudo(self.user_emp)
        self.assertEqual(as_emp.final_score, assessment.final_score)
        with self.assertRaises((AccessError, UserError)):
            as_emp.write({'final_score': 100})
        with self.assertRaises((AccessError, UserError)):
            self.rate(assessment, 5, user=self.user_emp)
        with self.assertRaises(AccessError):
            assessment.line_ids.sudo(self.user_emp).write({'achievement': 120})
        # the supervisor rates, but cannot write the scores either
        with self.assertRaises(UserError):
            assessment.sudo(self.user_sup).write({'final_score': 100})
        self.assertNotEqual(assessment.final_score, 100)

    def test_supervisor_cannot_assess_self(self):
        plan = self.make_plan(self.sup)
        self.env['kinerja.activity'].create({
            'employee_id': self.sup.id, 'target_id': plan.target_ids[0].id,
            'date': '2025-02-11', 'name': 'Done', 'quantity': 1,
            'duration': 1, 'state': 'approved'})
        own = self.assess().filtered(lambda a: a.employee_id == self.sup)
        with self.assertRaises((AccessError, UserError)):
            self.rate(own, 5, user=self.user_sup)
        self.rate(own, 5, user=self.user_head)
        self.assertAlmostEqual(own.behaviour_score, 100.0)

    def test_yearly_rollup(self):
        assessment = self.mine(self.assess())
        self.rate(assessment, 4, user=self.user_sup)
        rollup = self.env['kinerja.assessment.year'].search([
            ('employee_id', '=', self.emp.id), ('year', '=', 2025)])
        self.assertEqual(rollup.months, 1)
        self.assertAlmostEqual(rollup.final_score, 91.2)
        self.assertEqual(rollup.predicate_id, assessment.predicate_id)
        # the employee sees their roll-up, not their colleague's
        Year = self.env['kinerja.assessment.year'].sudo(self.user_emp)
        self.assertEqual(Year.search([]).mapped('employee_id'), self.emp)
