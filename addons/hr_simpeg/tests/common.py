from odoo.tests.common import SavepointCase


class SimpegCase(SavepointCase):
    """Users of each kind, grades, positions and two employees."""

    @classmethod
    def setUpClass(cls):
        super(SimpegCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US',
                                       tracking_disable=True,
                                       mail_create_nolog=True))
        Users = cls.env['res.users'].with_context(no_reset_password=True)
        group_user = cls.env.ref('base.group_user')
        officer_group = cls.env.ref('hr_simpeg.group_simpeg_officer')
        cls.officer_user = Users.create({
            'name': 'Officer Simpeg', 'login': 'simpeg_officer_t',
            'email': 'officer@example.com',
            'groups_id': [(6, 0, [group_user.id, officer_group.id,
                                  cls.env.ref('hr.group_hr_user').id])],
        })
        cls.user_a = Users.create({
            'name': 'Pegawai A', 'login': 'simpeg_a_t',
            'groups_id': [(6, 0, [group_user.id])],
        })
        cls.user_b = Users.create({
            'name': 'Pegawai B', 'login': 'simpeg_b_t',
            'groups_id': [(6, 0, [group_user.id])],
        })
        cls.user_nobody = Users.create({
            'name': 'No Employee', 'login': 'simpeg_none_t',
            'groups_id': [(6, 0, [group_user.id])],
        })
        Grade = cls.env['hr.simpeg.grade']
        cls.grade_low = Grade.create({'name': 'T-II/a', 'sequence': 1005})
        cls.grade_mid = Grade.create({'name': 'T-III/a', 'sequence': 1010})
        cls.grade_high = Grade.create({'name': 'T-III/b', 'sequence': 1020})
        cls.dept = cls.env['hr.department'].create({'name': 'Unit Uji'})
        Job = cls.env['hr.job']
        cls.job_staff = Job.create({'name': 'Staf Uji', 'position_level': 1,
                                    'department_id': cls.dept.id})
        cls.job_head = Job.create({'name': 'Kepala Uji', 'position_level': 5,
                                   'department_id': cls.dept.id})
        Employee = cls.env['hr.employee']
        cls.emp_a = Employee.create({
            'name': 'Pegawai A', 'user_id': cls.user_a.id,
            'birthday': '1980-03-10', 'join_date': '2005-04-01',
            'employment_status': 'permanent',
        })
        cls.emp_b = Employee.create({
            'name': 'Pegawai B', 'user_id': cls.user_b.id,
            'birthday': '1985-07-20', 'join_date': '2010-01-01',
            'employment_status': 'contract',
        })
        cls.rank_a = cls.env['hr.simpeg.rank.history'].create({
            'employee_id': cls.emp_a.id, 'grade_id': cls.grade_mid.id,
            'decree_number': 'SK-A-1', 'decree_date': '2019-03-20',
            'date_effective': '2019-04-01',
        })
        cls.rank_b = cls.env['hr.simpeg.rank.history'].create({
            'employee_id': cls.emp_b.id, 'grade_id': cls.grade_low.id,
            'decree_number': 'SK-B-1', 'decree_date': '2010-01-01',
            'date_effective': '2010-01-01',
        })
