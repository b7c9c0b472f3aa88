import json
import logging
from datetime import datetime, timedelta

import odoo
from odoo import _, api, fields, models

from ..tools import delivery

_logger = logging.getLogger(__name__)

STATES = [
    ('received', 'Received'),
    ('done', 'Processed'),
    ('failed', 'Failed'),
    ('ignored', 'Ignored (rate limit)'),
]


class WaMessage(models.Model):
    """An inbound WhatsApp message, stored once per ``wamid`` before it is
    processed."""
    _name = 'wa.message'
    _description = 'WhatsApp Inbound Message'
    _order = 'id desc'
    _rec_name = 'wamid'

    wamid = fields.Char('Message ID', required=True, readonly=True)
    account_id = fields.Many2one('wa.account', required=True, ondelete='cascade', readonly=True)
    session_id = fields.Many2one('wa.session', 'Conversation', ondelete='set null', index=True,
                                 readonly=True)
    phone = fields.Char(required=True, index=True, readonly=True)
    contact_name = fields.Char(readonly=True)
    msg_type = fields.Char('Type', readonly=True)
    body = fields.Text(readonly=True)
    payload = fields.Text(readonly=True)
    date = fields.Datetime(readonly=True, help="When the customer sent it.")
    state = fields.Selection(STATES, default='received', required=True, index=True,
                             readonly=True)
    attempts = fields.Integer(readonly=True)
    error = fields.Text(readonly=True)
    processed_date = fields.Datetime(readonly=True)

    _sql_constraints = [
        ('wamid_uniq', 'unique(wamid)', 'A WhatsApp message is stored only once.'),
    ]

    # ------------------------------------------------------------------
    # storing: committed on its own, before any processing
    @api.model
    def _store_inbound(self, account, rows):
        """Insert the messages that are new, in a transaction of their own
        committed before they are processed; return the ids inserted.
        Duplicates (Meta delivers at least once) are skipped by the unique
        index. Inside a test the registry hands back the test cursor, whose
        commit is a savepoint: the same code runs in both cases."""
        if not rows:
            return []
        ids = []
        with odoo.registry(self.env.cr.dbname).cursor() as cr:
            for row in rows:
                cr.execute("""
                    INSERT INTO wa_message (wamid, account_id, phone, contact_name, msg_type,
                        body, payload, date, state, attempts, create_uid, write_uid,
                        create_date, write_date)
                    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 'received', 0, %s, %s,
                        (now() at time zone 'UTC'), (now() at time zone 'UTC'))
                    ON CONFLICT (wamid) DO NOTHING
                    RETURNING id""", (
                    row['wamid'][:255], account.id, row['phone'][:32], row.get('name'),
                    row['type'][:32], row.get('body') or '', json.dumps(row['event']),
                    _timestamp(row.get('timestamp')), self.env.uid, self.env.uid))
                found = cr.fetchone()
                if found:
                    ids.append(found[0])
        return ids

    @api.model
    def _process_ids(self, ids):
        """Process stored messages in a transaction of their own (the
        request's transaction may predate the one that stored them), then
        send the replies. Whatever fails stays recorded for the cron."""
        if not ids:
            return
        with odoo.registry(self.env.cr.dbname).cursor() as cr:
            env = api.Environment(cr, self.env.uid, self.env.context)
            messages = env['wa.message'].browse(ids)
            outbox = messages._process_all()
            outbox._send()

    # ------------------------------------------------------------------
    @api.multi
    def _process_all(self, now=None):
        """Process each message in a savepoint: a failure is recorded on
        the message (state failed, error) and retried by the cron."""
        outbox = self.env['wa.outbox']
        for message in self:
            try:
                with self.env.cr.savepoint():
                    outbox |= message._process(now=now)
            except Exception as e:  # any failure must leave a trace, never lose the message
                _logger.warning("WhatsApp message %s failed: %s", message.wamid, e)
                message.write({'state': 'failed', 'attempts': message.attempts + 1,
                               'error': '%s: %s' % (type(e).__name__, e)})
        return outbox

    @api.multi
    def _process(self, now=None):
        """Run one message through the conversation; return the outbox
        records it queued."""
        self.ensure_one()
        now = now or datetime.utcnow()
        account = self.account_id
        session = self.env['wa.session']._get_for(account, self.phone, self.contact_name)
        vals = {'state': 'done', 'attempts': self.attempts + 1, 'error': False,
                'processed_date': fields.Datetime.to_string(now), 'session_id': session.id}
        if self._rate_limited(account, now):
            vals['state'] = 'ignored'
            self.write(vals)
            return self.env['wa.outbox']
        event = json.loads(self.payload or '{}') or {'type': 'unsupported'}
        machine = session._machine()
        result = machine.handle(session._state(now), event)
        state = result['state']
        node = self.env['wa.node'].search([('code', '=', state['node'])], limit=1)
        session.write({
            'state_json': json.dumps(state),
            'node_id': node.id,
            'last_inbound': fields.Datetime.to_string(now),
            'last_activity': fields.Datetime.to_string(now),
            'handover': state.get('step') == 'handover',
            'partner_id': state['data'].get('customer_id') or session.partner_id.id,
            'customer_number': state['data'].get('customer_number') or session.customer_number,
        })
        if result['forward']:
            session._forward_to_officer(self)
        ticket = self.env['helpdesk.ticket']
        if result.get('ticket'):
            ticket = ticket.search([('number', '=', result['ticket'])], limit=1)
        if result['outcome']:
            self.env['wa.interaction']._log(session, result['intent'], result['outcome'], now,
                                            ticket=ticket)
        outbox = session._reply(result['replies'], ticket=ticket)
        self.write(vals)
        return outbox

    @api.multi
    def _rate_limited(self, account, now):
        self.ensure_one()
        if not account.rate_limit_count:
            return False
        since = now - timedelta(seconds=account.rate_limit_window)
        recent = self.search_count([
            ('phone', '=', self.phone), ('account_id', '=', account.id),
            ('id', '!=', self.id), ('create_date', '>=', fields.Datetime.to_string(since)),
            ('state', '!=', 'ignored')])
        return delivery.rate_limited(recent, account.rate_limit_count)

    @api.multi
    def action_retry(self):
        outbox = self.filtered(lambda m: m.state in ('failed', 'received'))._process_all()
        outbox._send()
        return True

    @api.model
    def _cron_retry(self, now=None, max_attempts=5, limit=200):
        """Process again what failed, and what was stored but never
        processed (a worker that died between storing and processing)."""
        now = now or datetime.utcnow()
        stale = fields.Datetime.to_string(now - timedelta(minutes=2))
        messages = self.search([
            '|', ('state', '=', 'failed'),
            '&', ('state', '=', 'received'), ('create_date', '<=', stale),
            ('attempts', '<', max_attempts)], order='id', limit=limit)
        outbox = messages._process_all(now=now)
        outbox._send()
        return messages


def _timestamp(value):
    try:
        return datetime.utcfromtimestamp(int(value)).strftime('%Y-%m-%d %H:%M:%S')
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.utcnow().strftime('%Y-%m-%d %H:%M:%S')
