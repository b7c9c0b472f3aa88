from odoo import api, fields, models


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
        return self.wa_session_id._officer_reply(message)
