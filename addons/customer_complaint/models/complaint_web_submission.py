from datetime import timedelta

from odoo import api, fields, models


class ComplaintWebSubmission(models.Model):
    """One attempt on the public complaint form, kept for rate limiting."""
    _name = 'complaint.web.submission'
    _description = 'Public Complaint Form Submission'
    _order = 'date desc, id desc'

    remote_addr = fields.Char(string='Address', required=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now,
                           index=True)
    ticket_id = fields.Many2one('helpdesk.ticket', ondelete='set null')

    @api.model
    def _is_limited(self, remote_addr, now=None):
        """True when this address reached the limit of attempts per hour."""
        params = self.env['ir.config_parameter'].sudo()
        limit = int(params.get_param('customer_complaint.form_rate_limit', 5))
        now = now or fields.Datetime.from_string(fields.Datetime.now())
        since = fields.Datetime.to_string(now - timedelta(hours=1))
        count = self.search_count([('remote_addr', '=', remote_addr),
                                   ('date', '>', since)])
        return count >= limit

    @api.model
    def cron_purge(self, days=7):
        since = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) -
            timedelta(days=days))
        self.search([('date', '<', since)]).unlink()
