from odoo import api, fields, models


class VendorBillingServer(models.Model):
    _name = 'vendor.billing.server'
    _description = 'Application server'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="The server's name in its configuration (option server_name); "
             "web sessions started on that server are counted for it.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text()
    visit_ids = fields.One2many('vendor.billing.visit', 'server_id')

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The server code must be unique.'),
    ]

    @api.model
    def _get_or_create_by_code(self, code):
        """Id of the server with this code, created (safely under
        concurrency) when it does not exist yet."""
        self.env.cr.execute("""
            INSERT INTO vendor_billing_server
                (name, code, sequence, active, create_date, write_date)
            VALUES (%s, %s, 10, true, now() at time zone 'UTC',
                    now() at time zone 'UTC')
            ON CONFLICT (code) DO NOTHING
        """, (code, code))
        self.env.cr.execute(
            "SELECT id FROM vendor_billing_server WHERE code = %s", (code,))
        return self.env.cr.fetchone()[0]
