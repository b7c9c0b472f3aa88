# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import KinerjaCase


class TestPlan(KinerjaCase):

    def test_defaults_from_employee(self):
        plan = self.make_plan(self.emp, approve=False)
        self.assertEqual(plan.appraiser_id, self.sup)
        self.assertEqual(plan.department_id, self.department)
        self.assertEqual(plan.job_id, self.job)
        self.assertEqual(plan.total_weight, 100.0)
        self.assertEqual(plan.name, 'SKP 2025 - %s' % self.emp.name)

    def test_grade_and_position_from_personnel_records(self):
        grade = self.env['hr.simpeg.grade'].create(
            {'name': 'III/a-test', 'title': 'Penata Muda', 'sequence': 99})
        self.env['hr.simpeg.rank.history'].create({
            'employee_id': self.emp.id, 'grade_id': grade.id,
            'decree_number': 'SK-1/2024',
            'date_effective': '2024-04-01'})
        self.emp.nipp = 'K-0042'
        plan = self.make_plan(self.emp, approve=False)
        self.assertEqual(plan.grade_id, grade)
        self.assertEqual(plan.nipp, 'K-0042')
        # the employee reads their plan's grade, not other personnel data
        as_emp = plan.sudo(self.user_emp)
        self.assertEqual(as_emp.grade_id.name, 'III/a-test')
        # a promotion is picked up while the plan is still a draft
        higher = self.env['hr.simpeg.grade'].create(
            {'name': 'III/b-test', 'sequence': 100})
        self.env['hr.simpeg.rank.history'].create({
            'employee_id': self.emp.id, 'grade_id': higher.id,
            'decree_number': 'SK-2/2025',
            'date_effective': '2025-01-01'})
        as_emp.action_refresh_employee_data()
        self.assertEqual(plan.grade_id, higher)

    def test_onchange_employee_sets_appraiser(self):
        plan = self.env['kinerja.plan'].new({'employee_id': self.emp.id})
        plan._onchange_employee_id()
        self.assertEqual(plan.appraiser_id, self.sup)
        self.assertEqual(plan.job_id, self.job)

    def test_weights_must_total_100_before_submit(self):
        plan = self.make_plan(self.emp, weights=(60, 30), approve=False)
        with self.assertRaisesRegex(UserError, '90.0 %'):
            plan.sudo(self.user_emp).action_submit()
        self.assertEqual(plan.state, 'draft')
        empty = self.make_plan(self.emp2, weights=(), approve=False)
        with self.assertRaises(UserError):
            empty.action_submit()

    def test_workflow_submit_approve_revise(self):
        plan = self.make_plan(self.emp, approve=False)
        plan.sudo(self.user_emp).action_submit()
        self.assertEqual(plan.state, 'submitted')
        # the employee cannot approve their own plan
        with self.assertRaises(UserError):
            plan.sudo(self.user_emp).action_approve()
        # someone outside the hierarchy cannot approve it either
        with self.assertRaises((UserError, AccessError)):
            plan.sudo(self.user_other).action_approve()
        self.assertEqual(plan.state, 'submitted')
        plan.sudo(self.user_sup).action_approve()
        self.assertEqual(plan.state, 'approved')
        self.assertEqual(plan.approved_by_id, self.user_sup)
        # targets are locked once approved
        with self.assertRaises((UserError, AccessError)):
            plan.target_ids[0].sudo(self.user_emp).write({'weight': 10})
        with self.assertRaises(UserError):
            plan.target_ids[0].write({'weight': 10})
        self.assertEqual(plan.target_ids[0].weight, 60)
        # the employee asks for a revision, changes and resubmits
        plan.sudo(self.user_emp).action_revision()
        self.assertEqual(plan.state, 'revision')
        plan.target_ids.sudo(self.user_emp)[0].write({'weight': 70})
        plan.target_ids.sudo(self.user_emp)[1].write({'weight': 30})
        plan.sudo(self.user_emp).action_submit()
        plan.sudo(self.user_sup).action_approve()
        self.assertEqual(plan.state, 'approved')

    def test_take_back_submitted_plan(self):
        plan = self.make_plan(self.emp, approve=False)
        plan.sudo(self.user_emp).action_submit()
        with self.assertRaises(UserError):
            plan.sudo(self.user_sup).action_draft()
        self.assertEqual(plan.state, 'submitted')
        plan.sudo(self.user_emp).action_draft()
        self.assertEqual(plan.state, 'draft')
        # the appraiser can also return a submitted plan for revision
        plan.sudo(self.user_emp).action_submit()
        plan.sudo(self.user_sup).action_revision()
        self.assertEqual(plan.state, 'revision')

    def test_employee_cannot_set_state_directly(self):
        plan = self.make_plan(self.emp, approve=False)
        with self.assertRaises(UserError):
            plan.sudo(self.user_emp).write({'state': 'approved'})
        self.assertEqual(plan.state, 'draft')

    def test_one_plan_per_year(self):
        self.make_plan(self.emp, approve=False)
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'):
            with self.env.cr.savepoint():
                self.make_plan(self.emp, approve=False)

    def test_appraiser_not_self(self):
        with self.assertRaises(ValidationError):
            self.env['kinerja.plan'].create({
                'employee_id': self.emp.id, 'appraiser_id': self.emp.id,
                'year': 2025})

    def test_bad_target_values(self):
        plan = self.make_plan(self.emp, approve=False)
        Target = self.env['kinerja.target']
        for vals in ({'quantity': -1}, {'quantity': 0}, {'weight': 0},
                     {'weight': 120}, {'time_target': 13},
                     {'quality_target': 150}):
            values = {'plan_id': plan.id, 'name': 'X', 'indicator': 'Y',
                      'quantity': 1, 'weight': 10}
            values.update(vals)
            with self.assertRaises(ValidationError):
                with self.env.cr.savepoint():
                    Target.create(values)
        self.assertEqual(len(plan.target_ids), 2)

    def test_copy_last_year(self):
        old = self.make_plan(self.emp, year=2024, weights=(50, 30, 20))
        new = self.env['kinerja.plan'].create_from_last_year(self.emp, 2025)
        self.assertEqual(new.state, 'draft')
        self.assertEqual(new.target_ids.mapped('weight'), [50, 30, 20])
        self.assertEqual(new.target_ids.mapped('name'),
                         old.target_ids.mapped('name'))
        self.assertEqual(old.target_ids.mapped('plan_id'), old)
        # nothing to copy from
        lonely = self.make_plan(self.emp2, weights=(), approve=False)
        with self.assertRaises(UserError):
            lonely.action_copy_last_year()

    def test_load_job_templates(self):
        Template = self.env['kinerja.target.template']
        Template.create({'job_id': self.job.id, 'name': 'Pipe repairs',
                         'indicator': 'Repairs done', 'quantity': 120,
                         'uom': 'perbaikan', 'weight': 70})
        Template.create({'job_id': self.job.id, 'name': 'Reports',
                         'indicator': 'Monthly reports', 'quantity': 12,
                         'uom': 'laporan', 'weight': 30})
        plan = self.make_plan(self.emp, weights=(), approve=False)
        plan.sudo(self.user_emp).action_load_templates()
        self.assertEqual(sorted(plan.target_ids.mapped('name')),
                         ['Pipe repairs', 'Reports'])
        self.assertEqual(plan.total_weight, 100.0)
        other = self.make_plan(self.emp2, weights=(), approve=False)
        with self.assertRaises(UserError):
            other.action_load_templates()

    def test_unlink_only_draft(self):
        plan = self.make_plan(self.emp)
        with self.assertRaises(UserError):
            plan.unlink()
        draft = self.make_plan(self.emp2, approve=False)
        draft.unlink()
        self.assertFalse(draft.exists())
