import logging

import pytz
import requests

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import config

from ..tools import delivery

_logger = logging.getLogger(__name__)


def _tz_get(self):
    return [(tz, tz) for tz in sorted(pytz.all_timezones, key=lambda tz: tz
                                      if not tz.startswith('Etc/') else '_')]


class WaAccount(models.Model):
    """A WhatsApp Business phone number connected through the Cloud API."""
    _name = 'wa.account'
    _description = 'WhatsApp Account'

    name = fields.Char(required=True, default='Halo KruengBaro!')
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        'res.company', required=True,
        default=lambda self: self.env['res.company']._company_default_get('wa.account'))
    phone_number_id = fields.Char(
        'Phone Number ID', required=True,
        help="The id of the phone number in Meta's WhatsApp Manager (not the number).")
    display_phone = fields.Char('Display Phone Number')
    access_token = fields.Char(
        groups='wa_chatbot.group_wa_manager',
        help="Permanent token of a system user. Leave empty to read it from the server "
             "configuration option wa_access_token.")
    app_secret = fields.Char(
        groups='wa_chatbot.group_wa_manager',
        help="The Meta app's secret, used to check X-Hub-Signature-256. Leave empty to read "
             "it from the server configuration option wa_app_secret.")
    verify_token = fields.Char(
        groups='wa_chatbot.group_wa_manager',
        help="Any string of your choice, entered again in the Meta app's webhook settings.")
    api_version = fields.Char('API Version', required=True, default='v20.0')
    graph_url = fields.Char('Graph API Base URL', required=True,
                            default='https://graph.facebook.com')
    request_timeout = fields.Float(default=10.0, help="Seconds to wait for the Graph API.")
    root_node_id = fields.Many2one('wa.node', 'Main Menu', ondelete='restrict')
    session_timeout = fields.Integer(
        'Session Timeout (minutes)', default=30,
        help="A conversation idle for longer starts again from the main menu.")
    rate_limit_count = fields.Integer(
        'Messages Allowed per Phone', default=20,
        help="Messages one phone may send within the window; 0 disables the limit.")
    rate_limit_window = fields.Integer('Rate Limit Window (seconds)', default=60)
    retry_base = fields.Integer('First Retry Delay (seconds)', default=30)
    retry_cap = fields.Integer('Longest Retry Delay (seconds)', default=3600)
    max_attempts = fields.Integer('Sending Attempts', default=10)
    office_hour_from = fields.Float(default=8.0)
    office_hour_to = fields.Float(default=16.0)
    office_saturday = fields.Boolean('Office Open on Saturday')
    tz = fields.Selection(_tz_get, 'Time Zone', required=True, default='Asia/Jakarta')
    template_name = fields.Char(
        'Status Template', default='status_pengaduan',
        help="Approved message template sent when a complaint changes stage more than 24 "
             "hours after the customer's last message. Its body takes two parameters: the "
             "ticket number and the new stage.")
    template_language = fields.Char(default='id')
    officer_user_ids = fields.Many2many(
        'res.users', string='Officers',
        help="Members of the Discuss channel opened when a customer asks for an officer.")
    session_count = fields.Integer(compute='_compute_counts')
    queued_count = fields.Integer(compute='_compute_counts')

    _sql_constraints = [
        ('phone_number_id_uniq', 'unique(phone_number_id)',
         'This phone number id is already connected.'),
    ]

    @api.multi
    def _compute_counts(self):
        for account in self:
            account.session_count = self.env['wa.session'].search_count(
                [('account_id', '=', account.id)])
            account.queued_count = self.env['wa.outbox'].search_count(
                [('account_id', '=', account.id), ('state', '=', 'queued')])

    @api.constrains('office_hour_from', 'office_hour_to', 'session_timeout', 'rate_limit_count',
                    'rate_limit_window', 'request_timeout', 'retry_base', 'retry_cap',
                    'max_attempts')
    def _check_numbers(self):
        for account in self:
            if not 0 <= account.office_hour_from < account.office_hour_to <= 24:
                raise ValidationError(_("Office hours must start before they end, "
                                        "between 00:00 and 24:00."))
            if account.session_timeout <= 0:
                raise ValidationError(_("The session timeout must be positive."))
            if account.rate_limit_count < 0 or account.rate_limit_window <= 0:
                raise ValidationError(_("The rate limit needs a positive window and a "
                                        "non-negative number of messages."))
            if account.request_timeout <= 0 or account.request_timeout > 60:
                raise ValidationError(_("The Graph API timeout must be between 0 and 60 "
                                        "seconds."))
            if account.retry_base <= 0 or account.retry_cap < account.retry_base \
                    or account.max_attempts <= 0:
                raise ValidationError(_("Retry delays and attempts must be positive, the "
                                        "longest delay at least the first one."))

    @api.constrains('graph_url')
    def _check_graph_url(self):
        for account in self:
            if not (account.graph_url or '').startswith(('https://', 'http://')):
                raise ValidationError(_("The Graph API base URL must start with https://."))

    # ------------------------------------------------------------------
    # secrets: the record, else the server configuration
    @api.multi
    def _get_app_secret(self):
        self.ensure_one()
        return self.sudo().app_secret or config.get('wa_app_secret') or ''

    @api.multi
    def _get_access_token(self):
        self.ensure_one()
        return self.sudo().access_token or config.get('wa_access_token') or ''

    @api.model
    def _webhook_accounts(self):
        """What the webhook needs of the active accounts: dicts of id,
        phone_number_id and app_secret, oldest first; read once per worker
        until an account changes (see create/write/unlink)."""
        return [dict(zip(('id', 'phone_number_id', 'app_secret'), row))
                for row in self._webhook_accounts_cached()]

    @tools.ormcache()
    def _webhook_accounts_cached(self):
        self.env.cr.execute("""SELECT id, phone_number_id, app_secret FROM wa_account
                               WHERE active ORDER BY id""")
        return tuple(self.env.cr.fetchall())

    @api.model
    def create(self, vals):
        self.clear_caches()
        return super(WaAccount, self).create(vals)

    @api.multi
    def write(self, vals):
        self.clear_caches()
        return super(WaAccount, self).write(vals)

    @api.multi
    def unlink(self):
        self.clear_caches()
        return super(WaAccount, self).unlink()

    @api.model
    def _find_by_verify_token(self, token):
        from ..tools import signature
        for account in self.sudo().search([('verify_token', '!=', False)]):
            if signature.token_matches(account.verify_token, token):
                return account
        return self.browse()

    # ------------------------------------------------------------------
    @api.multi
    def _messages_url(self):
        self.ensure_one()
        return '%s/%s/%s/messages' % (self.graph_url.rstrip('/'), self.api_version,
                                      self.phone_number_id)

    @api.multi
    def _headers(self):
        return {'Authorization': 'Bearer %s' % self._get_access_token()}

    @api.multi
    def _is_outside_office_hours(self, utc_dt):
        self.ensure_one()
        local = pytz.utc.localize(utc_dt).astimezone(pytz.timezone(self.tz or 'UTC'))
        days = (0, 1, 2, 3, 4, 5) if self.office_saturday else (0, 1, 2, 3, 4)
        return delivery.outside_office_hours(local.replace(tzinfo=None), self.office_hour_from,
                                             self.office_hour_to, days)

    @api.multi
    def _fetch_media(self, media_id):
        """Download an inbound media: ``(bytes, mime type)``. Raises
        ``requests.RequestException`` or ``UserError`` when it cannot."""
        self.ensure_one()
        base = '%s/%s/%s' % (self.graph_url.rstrip('/'), self.api_version, media_id)
        resp = requests.get(base, headers=self._headers(), timeout=self.request_timeout)
        if resp.status_code != 200:
            raise UserError(_("The Graph API refused media %s (HTTP %s).")
                            % (media_id, resp.status_code))
        info = resp.json()
        url = info.get('url')
        if not url:
            raise UserError(_("The Graph API gave no address for media %s.") % media_id)
        data = requests.get(url, headers=self._headers(), timeout=self.request_timeout)
        if data.status_code != 200:
            raise UserError(_("Media %s could not be downloaded (HTTP %s).")
                            % (media_id, data.status_code))
        return data.content, info.get('mime_type') or data.headers.get('Content-Type')

    @api.multi
    def action_test_connection(self):
        self.ensure_one()
        url = '%s/%s/%s' % (self.graph_url.rstrip('/'), self.api_version, self.phone_number_id)
        try:
            resp = requests.get(url, headers=self._headers(), timeout=self.request_timeout)
        except requests.RequestException as e:
            raise UserError(_("The Graph API cannot be reached: %s") % e)
        if resp.status_code != 200:
            raise UserError(_("The Graph API answered HTTP %s: %s")
                            % (resp.status_code, resp.text[:300]))
        self.display_phone = resp.json().get('display_phone_number') or self.display_phone
        return True
