import base64
import json
import logging
from datetime import datetime, timedelta

import pytz
import requests

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext, html_escape

from ..tools import conversation, delivery

_logger = logging.getLogger(__name__)


class WaSession(models.Model):
    """The conversation with one phone number."""
    _name = 'wa.session'
    _description = 'WhatsApp Conversation'
    _order = 'last_activity desc, id desc'

    name = fields.Char('Contact Name')
    phone = fields.Char(required=True, index=True)
    account_id = fields.Many2one('wa.account', required=True, ondelete='cascade',
                                 auto_join=True)
    partner_id = fields.Many2one('res.partner', 'Customer')
    customer_number = fields.Char()
    node_id = fields.Many2one('wa.node', 'Current Node', ondelete='set null')
    state_json = fields.Text('Conversation State', default='{}')
    last_inbound = fields.Datetime('Last Customer Message')
    last_activity = fields.Datetime()
    handover = fields.Boolean('With an Officer')
    user_id = fields.Many2one('res.users', 'Officer', ondelete='set null', index=True,
                              help="The officer who took the conversation over; it stays "
                                   "in their list of conversations.")
    handover_ticket_id = fields.Many2one(
        'helpdesk.ticket', 'Answered from Complaint', ondelete='set null', readonly=True,
        help="The complaint whose chatter an officer answers from: while the customer is with "
             "the officer, their messages are posted there too.")
    channel_id = fields.Many2one('mail.channel', 'Discuss Channel', ondelete='set null')
    message_ids = fields.One2many('wa.message', 'session_id', 'Received Messages')
    outbox_ids = fields.One2many('wa.outbox', 'session_id', 'Sent Messages')
    ticket_ids = fields.One2many('helpdesk.ticket', 'wa_session_id', 'Complaints')
    interaction_ids = fields.One2many('wa.interaction', 'session_id', 'Interactions')

    _sql_constraints = [
        ('phone_account_uniq', 'unique(account_id, phone)',
         'One conversation per phone number and account.'),
    ]

    @api.model
    def _get_for(self, account, phone, name=None):
        session = self.search([('account_id', '=', account.id), ('phone', '=', phone)], limit=1)
        if not session:
            session = self.create({'account_id': account.id, 'phone': phone, 'name': name})
        elif name and session.name != name:
            session.name = name
        return session

    @api.multi
    def _state(self, now):
        """The stored state, or a fresh one when the session expired."""
        self.ensure_one()
        timeout = timedelta(minutes=self.account_id.session_timeout)
        last = fields.Datetime.from_string(self.last_activity) if self.last_activity else None
        if not last or now - last > timeout:
            if self.handover:
                return json.loads(self.state_json or '{}') or None
            return None
        return json.loads(self.state_json or '{}') or None

    @api.multi
    def _machine(self):
        self.ensure_one()
        account = self.account_id
        nodes = self.env['wa.node']._machine_nodes()
        root_id = account.root_node_id.id
        root = next((code for code, node in nodes.items() if node['id'] == root_id), None)
        if not root or root not in nodes:
            raise UserError(_("The WhatsApp account %s has no main menu.") % account.name)
        return conversation.Machine(nodes, root, ChatServices(self), self.phone)

    @api.multi
    def _reply(self, replies, origin='bot', ticket=None):
        """Queue the replies of the machine in the outbox."""
        outbox = self.env['wa.outbox']
        for reply in replies:
            outbox |= outbox.create(self.env['wa.outbox']._prepare_reply(
                self, reply, origin=origin, ticket=ticket))
        return outbox

    @api.multi
    def action_reset(self):
        self.write({'state_json': '{}', 'handover': False, 'node_id': False})

    @api.multi
    def action_open_channel(self):
        self.ensure_one()
        if not self.channel_id:
            raise UserError(_("This conversation was not handed to an officer."))
        return {
            'type': 'ir.actions.client', 'tag': 'mail.discuss',
            'context': {'active_id': 'mail.channel_%d' % self.channel_id.id},
        }

    @api.multi
    def _ensure_channel(self):
        """The Discuss channel of the conversation, with the account's
        officers, created on first use."""
        self.ensure_one()
        if not self.channel_id:
            partners = (self.account_id.officer_user_ids | self.user_id).mapped('partner_id')
            self.channel_id = self.env['mail.channel'].with_context(
                mail_create_nosubscribe=True).create({
                    'name': 'WhatsApp %s %s' % (self.phone, self.name or ''),
                    'public': 'groups',
                    'channel_type': 'channel',
                    'wa_session_id': self.id,
                    'channel_partner_ids': [(4, p.id) for p in partners],
                })
        return self.channel_id

    @api.multi
    def _handover(self, data):
        """Hand the conversation to people: a Discuss channel with the
        account's officers; the customer's messages follow there."""
        self.ensure_one()
        channel = self._ensure_channel()
        self.handover = True
        channel.with_context(wa_inbound=True).message_post(
            body=_("Customer %s (%s) asks for an officer. Customer number: %s")
            % (html_escape(self.name or '-'), self.phone, data.get('customer_number') or '-'),
            message_type='comment', subtype='mail.mt_comment')
        for ticket in self.ticket_ids.filtered(lambda t: not t.closed):
            ticket.message_post(body=_("The customer asked for an officer on WhatsApp: see "
                                       "Discuss channel %s.") % html_escape(channel.name))

    @api.multi
    def _enter_handover(self, officer, ticket=None, take=False):
        """Put the conversation with ``officer`` (who becomes its officer
        when it has none, or when ``take``): the chatbot stays silent and
        forwards the customer's messages until "menu" or "batal"."""
        self.ensure_one()
        state = json.loads(self.state_json or '{}') or {}
        if not state.get('node'):
            state = {'node': self.account_id.root_node_id.code, 'data': {}}
        state['step'] = 'handover'
        vals = {'handover': True, 'state_json': json.dumps(state)}
        if take or not self.user_id:
            vals['user_id'] = officer.id
        if ticket:
            vals['handover_ticket_id'] = ticket.id
        self.write(vals)

    @api.multi
    def action_take_over(self):
        """The current user takes the conversation over and answers in its
        Discuss channel."""
        self.ensure_one()
        session = self.sudo()
        session._enter_handover(self.env.user, take=True)
        channel = session._ensure_channel()
        channel.write({'channel_partner_ids': [(4, self.env.user.partner_id.id)]})
        return self.action_open_channel()

    @api.multi
    def _officer_reply(self, message, ticket=None, now=None):
        """Send to the customer what an officer wrote in the conversation's
        Discuss channel or in the chatter of its complaint; the conversation
        then stays with the officer. Outside the 24-hour window WhatsApp
        accepts only approved templates: the complaint's status template
        goes at once, and the officer's text waits until the customer
        writes again."""
        self.ensure_one()
        Outbox = self.env['wa.outbox'].sudo()
        officer = message.author_id.user_ids.filtered(lambda u: not u.share)[:1]
        text = html2plaintext(message.body or '').strip()
        if not officer or not text:
            return Outbox
        now = now or datetime.utcnow()
        session = self.sudo()
        session._enter_handover(officer, ticket=ticket)
        last = session.last_inbound and fields.Datetime.from_string(session.last_inbound)
        if delivery.within_window(last, now):
            outbox = Outbox._queue_text(session, text, 'officer', ticket=ticket)
            outbox._send_soon()
            return outbox
        outbox = Outbox._queue_text(session, text, 'officer', ticket=ticket, state='waiting')
        if ticket and session.account_id.template_name:
            notice = _("The customer's last WhatsApp message is more than 24 hours old, and "
                       "WhatsApp then accepts only approved templates: the status template was "
                       "sent, and this message goes as soon as the customer writes again.")
            ticket.sudo()._wa_notify_stage(now)
        else:
            notice = _("The customer's last WhatsApp message is more than 24 hours old, and "
                       "WhatsApp then accepts only approved templates: this message goes as "
                       "soon as the customer writes again.")
        (ticket or session.channel_id).with_context(wa_inbound=True).message_post(
            body=notice, message_type='notification')
        return outbox

    @api.multi
    def _release_waiting(self):
        """The officer's messages held for the 24-hour window, queued again
        now that the customer wrote."""
        waiting = self.env['wa.outbox'].sudo().search(
            [('session_id', 'in', self.ids), ('state', '=', 'waiting')], order='id')
        waiting.write({'state': 'queued', 'next_attempt': False})
        return waiting

    @api.multi
    def _forward_to_officer(self, message):
        """The customer's message, while with an officer: into the Discuss
        channel and the chatter of the complaint answered from."""
        self.ensure_one()
        body = html_escape(message.body or '') or _('[%s message]') % message.msg_type
        if self.channel_id:
            self.channel_id.with_context(wa_inbound=True).message_post(
                body='<b>%s</b>: %s' % (html_escape(self.name or self.phone), body),
                message_type='comment', subtype='mail.mt_comment')
        ticket = self.handover_ticket_id
        if ticket:
            customer = self.partner_id
            ticket.with_context(wa_inbound=True, mail_create_nosubscribe=True).message_post(
                body=_('<p><b>WhatsApp %s</b>: %s</p>') % (html_escape(self.name or self.phone),
                                                          body),
                author_id=customer.id if customer else False,
                partner_ids=[(4, p.id) for p in self.user_id.partner_id],
                message_type='comment', subtype='mail.mt_note')


class ChatServices(object):
    """What the conversation machine asks of the database."""

    def __init__(self, session):
        self.session = session
        self.env = session.env
        self.message = None

    def find_customer(self, number):
        partner = self.env['res.partner']._find_water_customer(number)
        if not partner:
            return None
        phones = {conversation.normalize_phone(p) for p in (partner.phone, partner.mobile) if p}
        return {'id': partner.id, 'name': partner.name, 'phones': sorted(phones)}

    def create_complaint(self, data):
        session = self.session
        env = self.env
        ticket_model = env['helpdesk.ticket']
        category = env['helpdesk.ticket.category'].browse(data.get('category') or [])
        description = html_escape(data.get('description') or '')
        if data.get('phone_mismatch'):
            description += '<p>%s</p>' % html_escape(
                _("Sent from %s, which is not the phone registered for this customer.")
                % session.phone)
        vals = {
            'name': '%s - %s' % (category.name or _('Complaint'), data.get('customer_number')),
            'description': description,
            'partner_id': data.get('customer_id'),
            'category_id': category.id or False,
            'channel_id': env.ref('customer_complaint.channel_whatsapp').id,
            'wa_session_id': session.id,
            'wa_phone': session.phone,
        }
        if data.get('latitude') is not None:
            vals.update(latitude=data['latitude'], longitude=data['longitude'])
        if data.get('address'):
            vals['address'] = data['address']
        try:
            with env.cr.savepoint():
                ticket = ticket_model.create_complaint(vals)
        except (UserError, ValidationError) as e:
            _logger.warning("WhatsApp complaint from %s refused: %s", session.phone, e.name)
            raise ValueError(e.name)
        session.write({'partner_id': data.get('customer_id'),
                       'customer_number': data.get('customer_number')})
        for media_id in data.get('media_ids') or []:
            self._attach_media(ticket, media_id)
        return ticket.number

    def _attach_media(self, ticket, media_id):
        account = self.session.account_id
        try:
            content, mime = account._fetch_media(media_id)
        except (requests.RequestException, UserError, ValueError) as e:
            _logger.warning("WhatsApp media %s not fetched: %s", media_id, e)
            ticket.message_post(body=_("A photo sent on WhatsApp (media %s) could not be "
                                       "downloaded: %s") % (media_id, html_escape(str(e))))
            return
        ext = {'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp'}.get(mime, 'bin')
        self.env['ir.attachment'].create({
            'name': 'whatsapp-%s.%s' % (media_id, ext),
            'datas_fname': 'whatsapp-%s.%s' % (media_id, ext),
            'datas': base64.b64encode(content),
            'mimetype': mime,
            'res_model': 'helpdesk.ticket',
            'res_id': ticket.id,
        })

    def complaint_status(self, query, data):
        """Open complaints by ticket number, or by customer number when the
        sender's phone is the customer's own (no peeking at others')."""
        Ticket = self.env['helpdesk.ticket']
        query = query.strip()
        tickets = Ticket.search([('number', '=ilike', query)], limit=1)
        if not tickets and query.isdigit():
            customer = self.find_customer(str(int(query)))
            if customer and self.session.phone in customer['phones']:
                tickets = Ticket.search([('partner_id', '=', customer['id']),
                                         ('stage_id.closed', '=', False)],
                                        limit=10, order='id desc')
        tz = pytz.timezone(self.session.account_id.tz or 'UTC')
        rows = []
        for t in tickets:
            deadline = None
            if t.sla_deadline:
                deadline = pytz.utc.localize(fields.Datetime.from_string(t.sla_deadline)) \
                    .astimezone(tz).strftime('%d/%m/%Y %H:%M')
            rows.append({'number': t.number, 'stage': t.stage_id.name or '-',
                         'deadline': deadline})
        return rows

    def handover(self, data):
        self.session._handover(data)
