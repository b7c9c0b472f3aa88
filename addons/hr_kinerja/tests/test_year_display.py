# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from .common import KinerjaCase


class TestYearDisplay(KinerjaCase):
    """The web client writes integers with a thousands separator ("2.026"
    in Indonesian): years are shown, edited and grouped as text."""

    @classmethod
    def setUpClass(cls):
        super(TestYearDisplay, cls).setUpClass()
        # an approved plan has its target progress rows, and its
        # assessment of the month (without any report) a yearly roll-up
        cls.plan = cls.make_plan(cls.emp, year=2026)
        cls.env['kinerja.assessment'].create_monthly_assessments(
            '2026-02-28')

    def test_views_never_show_the_integer_year(self):
        views = self.env['ir.ui.view'].search([
            ('model', 'like', 'kinerja.%'), ('type', '!=', 'qweb')])
        views = views.filtered(lambda v: v.xml_id.startswith('hr_kinerja.'))
        shown = set()
        for view in views:
            arch = etree.fromstring(view.arch_db.encode())
            for node in arch.iter('field'):
                if node.get('name') == 'year':
                    self.assertEqual(
                        node.get('invisible'), '1',
                        '%s shows the integer year' % view.xml_id)
                elif node.get('name') == 'year_label':
                    shown.add(view.xml_id)
            for node in arch.iter('filter'):
                group_by = safe_eval(node.get('context') or '{}').get(
                    'group_by')
                self.assertNotEqual(
                    group_by, 'year',
                    '%s groups by the integer year' % view.xml_id)
        self.assertLessEqual({'hr_kinerja.%s' % xml_id for xml_id in (
            'kinerja_plan_view_tree', 'kinerja_plan_view_kanban',
            'kinerja_plan_view_form', 'kinerja_plan_view_search',
            'kinerja_progress_view_tree', 'kinerja_progress_view_kanban',
            'kinerja_progress_view_search',
            'kinerja_assessment_year_view_tree',
            'kinerja_assessment_year_view_pivot',
            'kinerja_assessment_year_view_search')}, shown)

    def test_year_label_is_text_in_every_model(self):
        for model in ('kinerja.plan', 'kinerja.progress',
                      'kinerja.assessment.year'):
            Model = self.env[model]
            field = Model.fields_get(['year_label'])['year_label']
            self.assertEqual(field['type'], 'char', model)
            self.assertEqual(field['string'], 'Year', model)
            groups = Model.read_group(
                [('employee_id', '=', self.emp.id)], ['year_label'],
                ['year_label'])
            self.assertEqual([g['year_label'] for g in groups], ['2026'],
                             model)
            records = Model.search([('employee_id', '=', self.emp.id),
                                    ('year_label', '=', '2026')])
            self.assertTrue(records, model)
            self.assertEqual(set(records.mapped('year_label')), {'2026'})

    def test_plan_year_edited_as_text(self):
        plan = self.make_plan(self.emp, year=2025, approve=False)
        self.assertEqual(plan.year_label, '2025')
        # the employee corrects the year of their draft plan
        plan.sudo(self.user_emp).write({'year_label': ' 2027 '})
        self.assertEqual(plan.year, 2027)
        self.assertEqual(plan.year_label, '2027')
        self.assertEqual(plan.name, 'SKP 2027 - %s' % self.emp.name)
        for bad in ('2.026', 'dua ribu', '', '1999'):
            with self.assertRaises(ValidationError):
                with self.env.cr.savepoint():
                    plan.write({'year_label': bad})
        self.assertEqual(plan.year, 2027)

    def test_plan_created_with_year_text(self):
        # emp already has a plan for 2026: the new one is inserted for the
        # year written, not for the default year first
        plan = self.env['kinerja.plan'].create({
            'employee_id': self.emp.id, 'year': 2026, 'year_label': '2028'})
        self.assertEqual((plan.year, plan.year_label), (2028, '2028'))
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self.env['kinerja.plan'].create({
                    'employee_id': self.emp2.id, 'year_label': '2.028'})

    def test_onchange_year_text(self):
        plan = self.env['kinerja.plan'].new(
            {'employee_id': self.emp.id, 'year': 2026})
        plan.year_label = '2029'
        plan._onchange_year_label()
        self.assertEqual(plan.year, 2029)
        plan.year_label = '20x9'
        plan._onchange_year_label()
        self.assertEqual(plan.year, 2029)
