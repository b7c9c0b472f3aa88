import uuid

from odoo import api, fields, models

OUTCOMES = [
    ('complaint_created', 'Complaint filed'),
    ('complaint_failed', 'Complaint refused'),
    ('customer_not_found', 'Unknown customer number'),
    ('bad_customer_number', 'Invalid customer number'),
    ('status_listed', 'Status given'),
    ('status_none', 'No complaint found'),
    ('handover', 'Handed to an officer'),
    ('info', 'Information given'),
    ('cancelled', 'Cancelled'),
    ('unsupported', 'Unsupported message'),
    ('unknown_choice', 'Unknown choice'),
]


def _unique_id(*args):
    return uuid.uuid1().hex.upper()


class WaInteraction(models.Model):
    """The interaction log of the monthly report: one row per outcome of a
    conversation (complaint filed, status given, ...)."""
    _name = 'wa.interaction'
    _description = 'WhatsApp Chatbot Interaction'
    _order = 'date desc, id desc'

    name = fields.Char('Unique ID', required=True, readonly=True, default=_unique_id,
                       copy=False, index=True)
    phone = fields.Char(required=True, index=True)
    customer_number = fields.Char(index=True)
    partner_id = fields.Many2one('res.partner', 'Customer', ondelete='set null')
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    intent = fields.Selection([
        ('complaint', 'File a complaint'),
        ('status', 'Complaint status'),
        ('officer', 'Talk to an officer'),
        ('info', 'Information'),
        ('other', 'Other'),
    ], default='other', required=True)
    outcome = fields.Selection(OUTCOMES, required=True)
    outside_office_hours = fields.Boolean(readonly=True)
    account_id = fields.Many2one('wa.account', ondelete='set null')
    session_id = fields.Many2one('wa.session', 'Conversation', ondelete='set null')
    ticket_id = fields.Many2one('helpdesk.ticket', 'Complaint', ondelete='set null')

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'The interaction id must be unique.'),
        ('name_hex', "CHECK (name ~ '^[0-9A-F]{32}$')",
         'The interaction id is 32 hexadecimal characters.'),
    ]

    @api.model
    def create(self, vals):
        if 'outside_office_hours' not in vals and vals.get('account_id'):
            account = self.env['wa.account'].browse(vals['account_id'])
            date = fields.Datetime.from_string(vals.get('date') or fields.Datetime.now())
            vals['outside_office_hours'] = account._is_outside_office_hours(date)
        return super(WaInteraction, self).create(vals)

    @api.model
    def _log(self, session, intent, outcome, now, ticket=None):
        return self.create({
            'phone': session.phone,
            'customer_number': session.customer_number or False,
            'partner_id': session.partner_id.id or False,
            'date': fields.Datetime.to_string(now),
            'intent': intent or 'other',
            'outcome': outcome,
            'account_id': session.account_id.id,
            'session_id': session.id,
            'ticket_id': ticket.id if ticket else False,
        })
