from .common import SimpegCase

CSV_OK = b"""employee_id,grade_id,decree_number,decree_date,date_effective
NIPP-IMP-1,T-III/a,800/SK/2014/01,2014-03-20,2014-04-01
NIPP-IMP-1,T-III/b,800/SK/2018/07,2018-03-20,2018-04-01
NIPP-IMP-2,T-II/a,800/SK/2016/11,2016-03-20,2016-04-01
"""

CSV_BAD = b"""employee_id,grade_id,decree_number,decree_date,date_effective
NIPP-IMP-2,T-III/a,800/SK/2020/01,2020-03-20,2020-04-01
NIPP-IMP-2,T-III/b,,2021-03-20,2021-04-01
"""

POSITION_CSV = b"""employee_id,job_id,decree_number,date_start,date_end
NIPP-IMP-1,Staf Uji,821/SK/2010,2010-01-01,2015-12-31
NIPP-IMP-1,Kepala Uji,821/SK/2016,2016-01-01,
"""

FIELDS = ['employee_id', 'grade_id', 'decree_number', 'decree_date',
          'date_effective']
OPTIONS = {'headers': True, 'quoting': '"', 'separator': ',',
           'encoding': 'utf-8', 'date_format': '%Y-%m-%d'}


class TestImport(SimpegCase):

    def setUp(self):
        super(TestImport, self).setUp()
        self.emp_i1 = self.env['hr.employee'].create({
            'name': 'Impor Satu', 'nipp': 'NIPP-IMP-1',
            'birthday': '1985-01-01'})
        self.emp_i2 = self.env['hr.employee'].create({
            'name': 'Impor Dua', 'nipp': 'NIPP-IMP-2',
            'birthday': '1986-01-01'})

    def _import(self, model, content, fields):
        wizard = self.env['base_import.import'].create({
            'res_model': model, 'file': content,
            'file_name': 'data.csv', 'file_type': 'text/csv'})
        return wizard.do(fields, OPTIONS)

    def test_import_rank_history_csv(self):
        errors = self._import('hr.simpeg.rank.history', CSV_OK, FIELDS)
        self.assertEqual(errors, [])
        self.assertEqual(len(self.emp_i1.rank_history_ids), 2)
        self.assertEqual(self.emp_i1.grade_id, self.grade_high)
        self.assertEqual(self.emp_i1.grade_date, '2018-04-01')
        self.assertEqual(self.emp_i2.grade_id, self.grade_low)

    def test_import_refuses_a_decree_without_number(self):
        errors = self._import('hr.simpeg.rank.history', CSV_BAD, FIELDS)
        self.assertTrue(errors)
        self.assertTrue(any('no number' in e['message'] for e in errors))
        # Nothing of the file is saved, not even the good line.
        self.assertFalse(self.emp_i2.rank_history_ids)

    def test_import_position_history_csv(self):
        errors = self._import(
            'hr.simpeg.position.history', POSITION_CSV,
            ['employee_id', 'job_id', 'decree_number', 'date_start',
             'date_end'])
        self.assertEqual(errors, [])
        self.assertEqual(len(self.emp_i1.position_history_ids), 2)
        self.assertEqual(self.emp_i1.current_job_id, self.job_head)
