from odoo.exceptions import ValidationError

from .common import SimpegCase


class TestBadInput(SimpegCase):

    def _count(self, model):
        return self.env[model].search_count([])

    def test_effective_date_before_birth(self):
        before = self._count('hr.simpeg.rank.history')
        with self.assertRaisesRegex(ValidationError, 'before the birth'), \
                self.env.cr.savepoint():
            self.env['hr.simpeg.rank.history'].create({
                'employee_id': self.emp_a.id, 'grade_id': self.grade_high.id,
                'decree_number': 'SK-X', 'date_effective': '1979-01-01'})
        self.assertEqual(self._count('hr.simpeg.rank.history'), before)
        with self.assertRaisesRegex(ValidationError, 'before the birth'), \
                self.env.cr.savepoint():
            self.env['hr.simpeg.position.history'].create({
                'employee_id': self.emp_a.id, 'job_id': self.job_staff.id,
                'decree_number': 'SK-P', 'date_start': '1975-01-01'})
        self.emp_a.invalidate_cache()
        self.assertFalse(self.emp_a.position_history_ids)

    def test_birthday_moved_after_existing_tmt(self):
        self.emp_a.join_date = False
        with self.assertRaisesRegex(ValidationError, 'before the birth'), \
                self.env.cr.savepoint():
            self.emp_a.write({'birthday': '2020-01-01'})
        self.emp_a.invalidate_cache()
        self.assertEqual(self.emp_a.birthday, '1980-03-10')

    def test_join_date_before_birth(self):
        with self.assertRaisesRegex(ValidationError, 'join date'), \
                self.env.cr.savepoint():
            self.emp_b.write({'join_date': '1980-01-01'})
        self.emp_b.invalidate_cache()
        self.assertEqual(self.emp_b.join_date, '2010-01-01')

    def test_overlapping_positions(self):
        Position = self.env['hr.simpeg.position.history']
        Position.create({
            'employee_id': self.emp_b.id, 'job_id': self.job_staff.id,
            'decree_number': 'SK-1', 'date_start': '2010-01-01',
            'date_end': '2015-06-30'})
        with self.assertRaisesRegex(ValidationError, 'overlap'), \
                self.env.cr.savepoint():
            Position.create({
                'employee_id': self.emp_b.id, 'job_id': self.job_head.id,
                'decree_number': 'SK-2', 'date_start': '2015-01-01'})
        self.emp_b.invalidate_cache()
        self.assertEqual(len(self.emp_b.position_history_ids), 1)
        self.assertEqual(self.emp_b.current_job_id, self.job_staff)
        with self.assertRaisesRegex(ValidationError, 'ends'), \
                self.env.cr.savepoint():
            Position.create({
                'employee_id': self.emp_b.id, 'job_id': self.job_head.id,
                'decree_number': 'SK-3', 'date_start': '2018-01-01',
                'date_end': '2017-01-01'})
        self.emp_b.invalidate_cache()
        # The next position starting the day after is fine.
        Position.create({
            'employee_id': self.emp_b.id, 'job_id': self.job_head.id,
            'decree_number': 'SK-4', 'date_start': '2015-07-01'})
        self.assertEqual(self.emp_b.current_job_id, self.job_head)

    def test_duplicate_nipp(self):
        self.emp_a.nipp = 'DUP-001'
        before = self._count('hr.employee')
        with self.assertRaisesRegex(ValidationError, 'DUP-001'), \
                self.env.cr.savepoint():
            self.env['hr.employee'].create({'name': 'Kembar',
                                            'nipp': 'DUP-001'})
        self.assertEqual(self._count('hr.employee'), before)
        with self.assertRaisesRegex(ValidationError, 'already used'), \
                self.env.cr.savepoint():
            self.emp_b.write({'nipp': ' DUP-001 '})
        self.emp_b.invalidate_cache()
        self.assertNotEqual(self.emp_b.nipp, 'DUP-001')

    def test_decree_without_number(self):
        for number in (False, '   '):
            before = self._count('hr.simpeg.rank.history')
            with self.assertRaisesRegex(ValidationError, 'no number'), \
                    self.env.cr.savepoint():
                self.env['hr.simpeg.rank.history'].create({
                    'employee_id': self.emp_b.id,
                    'grade_id': self.grade_mid.id,
                    'decree_number': number,
                    'date_effective': '2014-01-01'})
            self.assertEqual(self._count('hr.simpeg.rank.history'), before)
        self.emp_b.invalidate_cache()
        with self.assertRaisesRegex(ValidationError, 'no number'), \
                self.env.cr.savepoint():
            self.env['hr.simpeg.salary.increase'].create({
                'employee_id': self.emp_b.id, 'date_effective': '2014-01-01'})
        self.assertEqual(self.emp_b.grade_id, self.grade_low)

    def test_settings_refuse_bad_values(self):
        settings = self.env['res.config.settings'].create({
            'simpeg_retirement_age': 56, 'simpeg_kgb_interval': 0,
            'simpeg_promotion_interval': 4, 'simpeg_reminder_days': 30})
        with self.assertRaisesRegex(ValidationError, 'at least one year'), \
                self.env.cr.savepoint():
            settings.execute()
        self.assertEqual(self.env['ir.config_parameter'].sudo().get_param(
            'hr_simpeg.kgb_interval'), '2')
