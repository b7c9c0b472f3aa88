import io
import zipfile

from odoo import fields
from odoo.exceptions import AccessError

from ..tools import simpeg
from .common import SimpegCase


class TestDuk(SimpegCase):

    @classmethod
    def setUpClass(cls):
        super(TestDuk, cls).setUpClass()
        Employee = cls.env['hr.employee']
        Rank = cls.env['hr.simpeg.rank.history']
        Position = cls.env['hr.simpeg.position.history']
        Education = cls.env['hr.simpeg.education']

        def make(name, grade, tmt, job, join, edu, birthday):
            emp = Employee.create({'name': name, 'birthday': birthday,
                                   'join_date': join})
            Rank.create({'employee_id': emp.id, 'grade_id': grade.id,
                         'decree_number': 'SK-' + name,
                         'date_effective': tmt})
            Position.create({'employee_id': emp.id, 'job_id': job.id,
                             'decree_number': 'SKJ-' + name,
                             'date_start': join})
            Education.create({'employee_id': emp.id, 'level': edu,
                              'institution': 'X'})
            return emp

        # Same grade and TMT: position level, then service, education, age
        # decide.
        cls.d1 = make('D1', cls.grade_high, '2018-04-01', cls.job_staff,
                      '2000-01-01', 'sma', '1975-01-01')
        cls.d2 = make('D2', cls.grade_high, '2018-04-01', cls.job_head,
                      '2005-01-01', 'sma', '1978-01-01')
        cls.d3 = make('D3', cls.grade_high, '2017-04-01', cls.job_staff,
                      '2006-01-01', 'sma', '1979-01-01')
        cls.d4 = make('D4', cls.grade_high, '2018-04-01', cls.job_staff,
                      '2000-01-01', 's1', '1976-01-01')
        cls.d5 = make('D5', cls.grade_high, '2018-04-01', cls.job_staff,
                      '2000-01-01', 'sma', '1974-01-01')
        cls.d6 = make('D6', cls.grade_mid, '2001-04-01', cls.job_head,
                      '1995-01-01', 's3', '1970-01-01')
        cls.ours = cls.d1 | cls.d2 | cls.d3 | cls.d4 | cls.d5 | cls.d6

    def _duk(self):
        return self.env['hr.simpeg.duk'].search(
            [('employee_id', 'in', self.ours.ids)])

    def test_order(self):
        lines = self._duk()
        self.assertEqual(lines.mapped('name'),
                         ['D3', 'D2', 'D4', 'D5', 'D1', 'D6'])
        # The SQL view agrees with the documented sort key.
        expected = sorted(lines, key=lambda l: simpeg.duk_sort_key(
            l.grade_id.sequence, fields.Date.from_string(l.grade_date),
            l.position_level, fields.Date.from_string(l.join_date),
            l.highest_education, fields.Date.from_string(l.birthday)))
        self.assertEqual([l.id for l in expected], lines.ids)
        ranks = lines.mapped('duk_rank')
        self.assertEqual(ranks, sorted(ranks))
        self.assertEqual(len(set(ranks)), len(ranks))
        line = lines.filtered(lambda l: l.employee_id == self.d2)
        self.assertEqual(line.job_id, self.job_head)
        self.assertEqual(line.position_level, 5)
        self.assertEqual(line.highest_education, 'sma')

    def test_pivot_read_group(self):
        groups = self.env['hr.simpeg.duk'].read_group(
            [('employee_id', 'in', self.ours.ids)],
            ['grade_id', 'employee_count'], ['grade_id'])
        counts = {g['grade_id'][0]: g['employee_count'] for g in groups}
        self.assertEqual(counts, {self.grade_high.id: 5,
                                  self.grade_mid.id: 1})

    def test_xlsx(self):
        report = self.env.ref('hr_simpeg.hr_simpeg_duk_xlsx_report')
        lines = self._duk()
        content, kind = self.env['report.hr_simpeg.duk_xlsx'].with_context(
            active_model='hr.simpeg.duk').create_xlsx_report(lines.ids, {})
        self.assertEqual(kind, 'xlsx')
        self.assertEqual(content[:2], b'PK')
        self.assertEqual(report.report_type, 'xlsx')
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            strings = archive.read('xl/sharedStrings.xml').decode('utf-8')
        for name in ('D1', 'D3', 'D6', 'T-III/b'):
            self.assertIn('>%s<' % name, strings)

    def test_pdf(self):
        report = self.env.ref('hr_simpeg.hr_simpeg_duk_pdf_report')
        lines = self._duk()
        html = report.render_qweb_pdf(lines.ids)[0]
        if isinstance(html, bytes):
            html = html.decode('utf-8')
        self.assertIn('Seniority List', html)
        self.assertLess(html.index('>D3</span>'), html.index('>D6</span>'))
        self.assertLess(html.index('>D2</span>'), html.index('>D4</span>'))
        self.assertIn('01 April 2018', html)

    def _xlsx_strings(self, ids, user=None):
        Report = self.env['report.hr_simpeg.duk_xlsx']
        if user:
            Report = Report.sudo(user)
        content, _kind = Report.with_context(
            active_model='hr.simpeg.duk').create_xlsx_report(ids, {})
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.read('xl/sharedStrings.xml').decode('utf-8')

    def test_xlsx_whole_list_and_selection(self):
        everything = self._xlsx_strings([])
        for name in ('D1', 'D6', 'Pegawai A', 'Pegawai B'):
            self.assertIn('>%s<' % name, everything)
        selection = self._duk().filtered(
            lambda l: l.employee_id in (self.d1 | self.d6))
        some = self._xlsx_strings(selection.ids, user=self.officer_user)
        self.assertIn('>D1<', some)
        self.assertNotIn('>D2<', some)

    def test_xlsx_refused_to_employees(self):
        with self.assertRaises(AccessError):
            self._xlsx_strings([], user=self.user_a)
