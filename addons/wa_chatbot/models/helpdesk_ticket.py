import logging
from datetime import datetime

from odoo import api, fields, models

from ..tools import delivery

_logger = logging.getLogger(__name__)


class HelpdeskTicket(models.Model):
    _inherit = 'helpdesk.ticket'

    wa_session_id = fields.Many2one('wa.session', 'WhatsApp Conversation', ondelete='set null',
                                    readonly=True, copy=False)
    wa_phone = fields.Char('WhatsApp Number', copy=False)
    # only the chatbot's users read the messages; the ticket form drops the
    # field for everybody else (view-level groups would only hide it)
    wa_outbox_ids = fields.One2many('wa.outbox', 'ticket_id', 'WhatsApp Messages',
                                    groups='wa_chatbot.group_wa_user')

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, body='', subject=None, message_type='notification', **kwargs):
        """A message an officer sends from the chatter ("Send message", not
        "Log note") of a complaint filed on WhatsApp reaches the customer
        there."""
        message = super(HelpdeskTicket, self).message_post(
            body=body, subject=subject, message_type=message_type, **kwargs)
        if message_type == 'comment' and not self.env.context.get('wa_inbound') \
                and message.subtype_id == self.env.ref('mail.mt_comment'):
            for ticket in self.filtered('wa_phone'):
                session = ticket.sudo()._wa_session()
                if session:
                    session._officer_reply(message, ticket=ticket)
        return message

    @api.multi
    def _wa_session(self):
        self.ensure_one()
        return self.wa_session_id or self.env['wa.session'].search(
            [('phone', '=', self.wa_phone)], limit=1)

    @api.multi
    def _notify_customer_stage_change(self):
        res = super(HelpdeskTicket, self)._notify_customer_stage_change()
        self._wa_notify_stage()
        return res

    @api.multi
    def _wa_notify_stage(self, now=None):
        """Tell WhatsApp customers their complaint moved: free text inside
        the 24-hour window, the approved template outside it."""
        now = now or datetime.utcnow()
        Outbox = self.env['wa.outbox'].sudo()
        queued = Outbox
        for ticket in self.sudo().filtered('wa_phone'):
            session = ticket._wa_session()
            if not session:
                continue
            last = session.last_inbound and fields.Datetime.from_string(session.last_inbound)
            stage = ticket.stage_id.name or ''
            if delivery.within_window(last, now):
                reply = {'type': 'text', 'body': ticket._wa_stage_text(stage)}
            else:
                account = session.account_id
                reply = {'type': 'template', 'template': account.template_name,
                         'language': account.template_language,
                         'params': [ticket.number, stage]}
            queued |= Outbox.create(Outbox._prepare_reply(session, reply, origin='notification',
                                                          ticket=ticket))
        queued._send_soon()
        return queued

    @api.multi
    def _wa_stage_text(self, stage):
        self.ensure_one()
        return "Status pengaduan %s: %s. Terima kasih telah menghubungi Halo KruengBaro!" % (
            self.number, stage)
