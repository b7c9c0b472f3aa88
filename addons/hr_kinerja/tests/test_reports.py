# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import io
import zipfile
from unittest.mock import patch

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
        self.assertIn('Result 1', html)
        self.assertIn('Februari 2025', html)
        self.assertIn('Pejabat penilai', html)
        self.assertIn('Head', html)   # the appraiser's own manager signs
        self.assertIn('NIPP %s' % self.plan.nipp, html)
