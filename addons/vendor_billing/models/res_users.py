from odoo import api, models

from .vendor_billing_visit import count_session_visit


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def _update_last_login(self):
        """A login starts a new web session: count one visit for the server
        named by the configuration option server_name."""
        result = super(ResUsers, self)._update_last_login()
        count_session_visit(self.env)
        return result
