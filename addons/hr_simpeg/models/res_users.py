import logging

from odoo import SUPERUSER_ID, api, models

_logger = logging.getLogger(__name__)


class ResUsers(models.Model):
    _inherit = 'res.users'

    @classmethod
    def _login(cls, db, login, password):
        """Accept the employee number (NIPP) as login: the password is
        then checked as usual, against the user of that employee."""
        if login and password:
            with cls.pool.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                user_login = env['res.users']._login_of_nipp(login)
            if user_login:
                _logger.info('Login by NIPP %s as user %s', login, user_login)
                login = user_login
        return super(ResUsers, cls)._login(db, login, password)

    @api.model
    def _login_of_nipp(self, login):
        """The login of the user linked to the one active employee whose
        NIPP is `login`, when no user (archived ones included) has `login`
        as login; False otherwise (no such employee, or several)."""
        nipp = login.strip()
        if not nipp or self.with_context(active_test=False).search_count(
                [('login', 'in', [login, nipp])]):
            return False
        employees = self.env['hr.employee'].search(
            [('nipp', '=', nipp), ('user_id', '!=', False)], limit=2)
        if len(employees) != 1:
            return False
        return employees.user_id.login
