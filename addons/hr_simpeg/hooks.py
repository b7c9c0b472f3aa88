from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    """Give an employee number to every employee that has none."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    employees = env['hr.employee'].with_context(active_test=False).search(
        [('nipp', '=', False)], order='id')
    employees._assign_nipp()
