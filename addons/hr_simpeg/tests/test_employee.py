from ..hooks import post_init_hook
from .common import SimpegCase


class TestEmployee(SimpegCase):

    def test_nipp_from_sequence(self):
        seq = self.env.ref('hr_simpeg.seq_hr_simpeg_nipp')
        seq.write({'prefix': 'UJ-', 'padding': 5, 'number_next_actual': 42})
        emp = self.env['hr.employee'].create({'name': 'Baru'})
        self.assertEqual(emp.nipp, 'UJ-00042')
        emp2 = self.env['hr.employee'].create({'name': 'Baru 2'})
        self.assertEqual(emp2.nipp, 'UJ-00043')

    def test_nipp_sequence_skips_numbers_in_use(self):
        seq = self.env.ref('hr_simpeg.seq_hr_simpeg_nipp')
        seq.write({'prefix': 'UK-', 'padding': 3, 'number_next_actual': 7})
        self.env['hr.employee'].create({'name': 'Manual', 'nipp': 'UK-007'})
        emp = self.env['hr.employee'].create({'name': 'Auto'})
        self.assertEqual(emp.nipp, 'UK-008')

    def test_install_hook_numbers_employees_without_nipp(self):
        self.emp_a.write({'nipp': False, 'retirement_age': 0})
        self.assertFalse(self.emp_a.nipp)
        self.assertFalse(self.emp_a.retirement_date)
        post_init_hook(self.env.cr, self.env.registry)
        self.emp_a.invalidate_cache()
        self.assertTrue(self.emp_a.nipp)
        self.assertEqual(self.emp_a.retirement_age, 56)
        self.assertEqual(self.emp_a.retirement_date, '2036-04-01')
        self.assertNotEqual(self.emp_a.nipp, self.emp_b.nipp)

    def test_retirement_date(self):
        self.assertEqual(self.emp_a.retirement_age, 56)
        self.assertEqual(self.emp_a.retirement_date, '2036-04-01')
        self.emp_a.retirement_age = 58
        self.assertEqual(self.emp_a.retirement_date, '2038-04-01')

    def test_default_retirement_age_is_configurable(self):
        self.env['ir.config_parameter'].sudo().set_param(
            'hr_simpeg.retirement_age', '60')
        emp = self.env['hr.employee'].create({
            'name': 'Umur 60', 'birthday': '1990-01-15'})
        self.assertEqual(emp.retirement_age, 60)
        self.assertEqual(emp.retirement_date, '2050-02-01')

    def test_current_grade_from_history(self):
        self.assertEqual(self.emp_a.grade_id, self.grade_mid)
        self.assertEqual(self.emp_a.grade_date, '2019-04-01')
        self.env['hr.simpeg.rank.history'].create({
            'employee_id': self.emp_a.id, 'grade_id': self.grade_high.id,
            'decree_number': 'SK-A-2', 'date_effective': '2023-04-01'})
        self.assertEqual(self.emp_a.grade_id, self.grade_high)
        self.assertEqual(self.emp_a.grade_date, '2023-04-01')
        emp = self.emp_a.with_context(simpeg_date='2024-06-15')
        self.assertEqual((emp.years_in_grade, emp.months_in_grade), (1, 2))
        self.assertEqual((emp.service_years, emp.service_months), (19, 2))

    def test_current_position_and_education_and_family(self):
        Position = self.env['hr.simpeg.position.history']
        Position.create({
            'employee_id': self.emp_a.id, 'job_id': self.job_staff.id,
            'department_id': self.dept.id, 'decree_number': 'SK-J-1',
            'date_start': '2005-04-01', 'date_end': '2015-12-31'})
        self.assertEqual(self.emp_a.current_job_id, self.job_staff)
        Position.create({
            'employee_id': self.emp_a.id, 'job_id': self.job_head.id,
            'department_id': self.dept.id, 'decree_number': 'SK-J-2',
            'date_start': '2016-01-01'})
        self.assertEqual(self.emp_a.current_job_id, self.job_head)
        self.assertEqual(self.emp_a.current_department_id, self.dept)
        Education = self.env['hr.simpeg.education']
        for level, year in (('sma', 1998), ('s1', 2004), ('d3', 2001)):
            Education.create({'employee_id': self.emp_a.id, 'level': level,
                              'institution': 'Sekolah', 'year': year})
        self.assertEqual(self.emp_a.highest_education, 's1')
        Family = self.env['hr.simpeg.family']
        Family.create({'employee_id': self.emp_a.id, 'name': 'Istri',
                       'relation': 'spouse', 'dependent': True})
        Family.create({'employee_id': self.emp_a.id, 'name': 'Anak',
                       'relation': 'child', 'dependent': True})
        Family.create({'employee_id': self.emp_a.id, 'name': 'Ibu',
                       'relation': 'parent', 'dependent': False})
        self.assertEqual(self.emp_a.dependent_count, 2)

    def test_kgb_and_promotion_dates(self):
        # Without any KGB decree, the last grade TMT counts.
        self.assertEqual(self.emp_a.last_kgb_date, '2019-04-01')
        self.assertEqual(self.emp_a.next_kgb_date, '2021-04-01')
        self.assertEqual(self.emp_a.next_promotion_date, '2023-04-01')
        self.env['hr.simpeg.salary.increase'].create({
            'employee_id': self.emp_a.id, 'decree_number': 'KGB-1',
            'date_effective': '2023-04-01', 'basic_salary': 4500000})
        self.assertEqual(self.emp_a.last_kgb_date, '2023-04-01')
        self.assertEqual(self.emp_a.next_kgb_date, '2025-04-01')

    def test_settings_change_intervals_recomputes(self):
        settings = self.env['res.config.settings'].create({
            'simpeg_retirement_age': 58, 'simpeg_kgb_interval': 3,
            'simpeg_promotion_interval': 5, 'simpeg_reminder_days': 10})
        settings.execute()
        self.assertEqual(self.env['ir.config_parameter'].sudo().get_param(
            'hr_simpeg.kgb_interval'), '3')
        self.emp_a.invalidate_cache()
        self.assertEqual(self.emp_a.next_kgb_date, '2022-04-01')
        self.assertEqual(self.emp_a.next_promotion_date, '2024-04-01')
        values = self.env['res.config.settings'].default_get(
            ['simpeg_kgb_interval', 'simpeg_reminder_days'])
        self.assertEqual(values['simpeg_kgb_interval'], 3)
        self.assertEqual(values['simpeg_reminder_days'], 10)

    def test_name_search_by_nipp(self):
        self.emp_b.nipp = 'NS-991'
        found = self.env['hr.employee'].name_search('NS-991')
        self.assertEqual([r[0] for r in found], [self.emp_b.id])

    def test_grade_employee_count(self):
        self.assertEqual(self.grade_mid.employee_count, 1)
        self.assertEqual(self.grade_high.employee_count, 0)
