from odoo import api, fields, models
from odoo.tools import html2plaintext


class MailChannel(models.Model):
    _inherit = 'mail.channel'

    wa_session_id = fields.Many2one('wa.session', 'WhatsApp Conversation', ondelete='set null')

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, body='', subject=None, message_type='notification', **kwargs):
        message = super(MailChannel, self).message_post(
            body=body, subject=subject, message_type=message_type, **kwargs)
        if not self.env.context.get('wa_inbound') and message_type == 'comment':
            for channel in self.filtered('wa_session_id'):
                channel._wa_forward_officer_message(message)
        return message

    @api.multi
    def _wa_forward_officer_message(self, message):
        """What an officer writes in the channel goes to the customer."""
        self.ensure_one()
        author = message.author_id
        if not author or not author.user_ids.filtered(lambda u: not u.share):
            return
        text = html2plaintext(message.body or '').strip()
        if not text:
            return
        session = self.wa_session_id.sudo()
        outbox = self.env['wa.outbox'].sudo()._queue_text(session, text, 'officer')
        outbox._send()
