from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    """Give an employee number to every employee that has none, and the
    configured retirement age to those that have none."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    Employee = env['hr.employee'].with_context(active_test=False)
    Employee.search([('nipp', '=', False)], order='id')._assign_nipp()
    Employee.search(['|', ('retirement_age', '<=', 0),
                     ('retirement_age', '=', False)]).write(
        {'retirement_age': Employee._default_retirement_age()})
