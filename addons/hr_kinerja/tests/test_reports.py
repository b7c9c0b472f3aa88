# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import io
import zipfile
from unittest.mock import patch

from odoo.tools.safe_eval import safe_eval

from .common import KinerjaCase


class TestReports(KinerjaCase):

    @classmethod
    def setUpClass(cls):
        super(TestReports, cls).setUpClass()
        cls.plan = cls.make_plan(cls.emp)
        cls.env['kinerja.activity'].create({
            'employee_id': cls.emp.id, 'target_id': cls.plan.target_ids[0].id,
            'date': '2025-02-03', 'name': 'Done', 'quantity': 4,
            'duration': 3, 'state': 'approved'})
        cls.assessments = cls.env[
            'kinerja.assessment'].create_monthly_assessments('2025-02-28')

    def test_progress_dashboard(self):
        rows = self.env['kinerja.progress'].search(
            [('plan_id', '=', self.plan.id)], order='sequence')
        self.assertEqual(rows.mapped('realised'), [4.0, 0.0])
        self.assertAlmostEqual(rows[0].progress, 33.33)

    def test_missing_reports_dashboard(self):
        # the view looks back from the database's current date: an
        # approved plan of this year with no report shows its weekdays
        today = datetime.date.today()
        year = (today - datetime.timedelta(days=10)).year
        plan = self.make_plan(self.emp2, year=year)
        missing = self.env['kinerja.missing.report'].search(
            [('employee_id', '=', self.emp2.id)])
        self.assertTrue(all(
            datetime.datetime.strptime(m.date, '%Y-%m-%d').weekday() < 5
            for m in missing))
        days = set(missing.mapped('date'))
        self.assertTrue(days)
        # a day on leave is not a missing report
        on_leave = sorted(days)[0]
        self.env['hr.presensi.day'].create({
            'employee_id': self.emp2.id, 'date': on_leave, 'status': 'leave'})
        days.discard(on_leave)
        self.assertEqual(set(self.env['kinerja.missing.report'].search(
            [('employee_id', '=', self.emp2.id)]).mapped('date')), days)
        Activity = self.env['kinerja.activity']
        with patch.object(type(Activity), '_kinerja_today',
                          lambda rec: today):
            Activity.create({
                'employee_id': self.emp2.id,
                'target_id': plan.target_ids[0].id,
                'date': sorted(days)[-1],
                'name': 'Done', 'quantity': 1, 'duration': 1})
        after = self.env['kinerja.missing.report'].search(
            [('employee_id', '=', self.emp2.id)])
        self.assertEqual(len(after), max(len(days) - 1, 0))

    def test_missing_reports_of_a_high_employee_id(self):
        # employee id * 100000 went past the 32-bit integer range from
        # employee 21,475 on, and the dashboard failed to load
        self.env.cr.execute("""
            SELECT setval('hr_employee_id_seq',
                          greatest(50000, last_value))
              FROM hr_employee_id_seq""")
        employee = self.env['hr.employee'].create(
            {'name': 'Emp High', 'parent_id': self.sup.id})
        self.assertGreater(employee.id, 2 ** 31 // 100000)
        today = datetime.date.today()
        self.make_plan(employee,
                       year=(today - datetime.timedelta(days=10)).year)
        Missing = self.env['kinerja.missing.report']
        missing = Missing.search([('employee_id', '=', employee.id)])
        self.assertTrue(missing)
        epoch = datetime.date(2000, 1, 1)
        for row in missing:
            day = datetime.datetime.strptime(row.date, '%Y-%m-%d').date()
            self.assertEqual(row.id,
                             employee.id * 100000 + (day - epoch).days)
        # the ids read back, as the web client does
        rows = Missing.browse(missing.ids).read(['employee_id', 'date'])
        self.assertEqual(len(rows), len(missing))
        self.assertEqual({r['employee_id'][0] for r in rows}, {employee.id})
        self.assertEqual(
            Missing.sudo(self.user_sup).search_count(
                [('employee_id', '=', employee.id)]), len(missing))

    def test_xlsx_recap(self):
        report = self.env.ref('hr_kinerja.report_kinerja_assessment_xlsx')
        content, kind = report.render(self.assessments.ids)
        self.assertEqual(kind, 'xlsx')
        book = zipfile.ZipFile(io.BytesIO(content))
        strings = book.read('xl/sharedStrings.xml').decode()
        self.assertIn('Emp', strings)
        self.assertIn('Februari 2025', strings)
        self.assertIn(self.plan.nipp, strings)

    def test_skp_form(self):
        report = self.env.ref('hr_kinerja.report_kinerja_skp')
        html = report.render_qweb_html(self.plan.ids)[0].decode()
        self.assertIn('SASARAN KINERJA PEGAWAI', html)
        # the year as written, never with a thousands separator
        self.assertIn('Periode: 01 Januari 2025 s.d. 31 Desember 2025', html)
        self.assertEqual(safe_eval(report.print_report_name,
                                   {'object': self.plan}),
                         'SKP 2025 - %s' % self.emp.name)
        self.assertIn('Result 1', html)
        self.assertIn('Februari 2025', html)
        self.assertIn('Pejabat penilai', html)
        self.assertIn('Head', html)   # the appraiser's own manager signs
        self.assertIn('NIPP %s' % self.plan.nipp, html)
