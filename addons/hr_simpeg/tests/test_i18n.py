from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestI18n(TransactionCase):

    def test_indonesian_terms_and_messages(self):
        if not self.env['res.lang'].search([('code', '=', 'id_ID')]):
            self.env['base.language.install'].create(
                {'lang': 'id_ID'}).lang_install()
        menu = self.env.ref('hr_simpeg.hr_employee_menu_my_data')
        self.assertEqual(menu.with_context(lang='id_ID').name, 'Data Saya')
        user = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Bahasa', 'login': 'simpeg_lang_t', 'lang': 'id_ID',
                'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        other = self.env['hr.employee'].create({'name': 'Orang Lain'})
        with self.assertRaisesRegex(AccessError, 'Hanya petugas kepegawaian'):
            other.sudo(user).with_context(lang='id_ID').read(['grade_id'])
