from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

from ..tools import conversation, payload

ACTIONS = [
    ('menu', 'Menu'),
    ('ask_customer_number', 'Ask the customer number'),
    ('choose_category', 'Choose a category'),
    ('describe', 'Describe the problem'),
    ('location', 'Share a location'),
    ('photo', 'Send a photo'),
    ('confirm', 'Confirm and create the complaint'),
    ('status', 'Check complaint status'),
    ('officer', 'Talk to an officer'),
    ('info', 'Information text'),
]
INTENTS = [
    ('complaint', 'File a complaint'),
    ('status', 'Complaint status'),
    ('officer', 'Talk to an officer'),
    ('info', 'Information'),
    ('other', 'Other'),
]


class WaNode(models.Model):
    """One step of the conversation, edited by staff."""
    _name = 'wa.node'
    _description = 'Chatbot Conversation Node'
    _order = 'sequence, id'

    name = fields.Char(required=True)
    code = fields.Char(required=True, help="Stable technical key of the node.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    action = fields.Selection(ACTIONS, required=True, default='menu')
    intent = fields.Selection(
        INTENTS, help="Set on the first node of a flow: the interaction log records it.")
    text = fields.Text(required=True, translate=False,
                       help="Message sent when the conversation reaches this node.")
    display = fields.Selection([('buttons', 'Reply buttons (up to 3)'), ('list', 'List')],
                               default='list', required=True)
    list_button = fields.Char(default='Pilih menu', help="Label of the button opening a list.")
    next_id = fields.Many2one('wa.node', 'Next Node', ondelete='set null',
                              help="Where the conversation goes after this node; empty: "
                                   "the main menu.")
    option_ids = fields.One2many('wa.node.option', 'node_id', 'Options', copy=True)

    _sql_constraints = [
        ('code_uniq', 'unique(code)', 'The node code must be unique.'),
    ]

    @api.constrains('action', 'display', 'option_ids')
    def _check_options(self):
        for node in self:
            options = node.option_ids
            if node.action in ('menu', 'choose_category') and not options:
                raise ValidationError(_("Node '%s' needs at least one option.") % node.name)
            if node.display == 'buttons' and len(options) > payload.BUTTON_MAX:
                raise ValidationError(_("Node '%s': WhatsApp allows at most 3 reply buttons; "
                                        "use a list.") % node.name)
            if len(options) > payload.ROW_MAX:
                raise ValidationError(_("Node '%s': WhatsApp lists hold at most 10 rows.")
                                      % node.name)
            limit = payload.BUTTON_TITLE_LIMIT if node.display == 'buttons' \
                else payload.ROW_TITLE_LIMIT
            for option in options:
                if len(option.title or '') > limit:
                    raise ValidationError(_("Option '%s' is longer than %d characters.")
                                          % (option.title, limit))
            if node.action == 'choose_category' and options.filtered(lambda o: not o.category_id):
                raise ValidationError(_("Every option of a category node needs a category."))
            keys = options.mapped('key')
            if len(keys) != len(set(keys)):
                raise ValidationError(_("Node '%s' has two options with the same key.")
                                      % node.name)

    @api.constrains('action')
    def _check_action(self):
        if any(n.action not in conversation.ACTIONS for n in self):
            raise ValidationError(_("Unknown node action."))

    @api.model
    def create(self, vals):
        self.clear_caches()
        return super(WaNode, self).create(vals)

    @api.multi
    def write(self, vals):
        self.clear_caches()
        return super(WaNode, self).write(vals)

    @api.multi
    def unlink(self):
        self.clear_caches()
        return super(WaNode, self).unlink()

    @api.model
    def _machine_nodes(self):
        """All active nodes as the plain dicts of ``tools.conversation``
        (cached per worker until a node or an option changes; read only)."""
        return self.sudo()._machine_nodes_cached()

    @tools.ormcache()
    def _machine_nodes_cached(self):
        nodes = self.search([])
        options = self.env['wa.node.option'].search_read(
            [('node_id', 'in', nodes.ids)],
            ['node_id', 'key', 'title', 'description', 'next_id', 'category_id'])
        by_id = {n.id: n for n in nodes}
        result = {}
        for node in nodes:
            result[node.code] = {
                'id': node.id, 'code': node.code, 'action': node.action, 'intent': node.intent,
                'text': node.text, 'display': node.display, 'button': node.list_button,
                'next': node.next_id.code if node.next_id in nodes else None,
                'options': [],
            }
        for opt in options:
            node = by_id[opt['node_id'][0]]
            nxt = opt['next_id'] and by_id.get(opt['next_id'][0])
            result[node.code]['options'].append({
                'key': opt['key'], 'title': opt['title'], 'description': opt['description'],
                'next': nxt.code if nxt else None,
                'value': opt['category_id'][0] if opt['category_id'] else None,
            })
        return result


class WaNodeOption(models.Model):
    _name = 'wa.node.option'
    _description = 'Chatbot Menu Option'
    _order = 'sequence, id'

    node_id = fields.Many2one('wa.node', required=True, ondelete='cascade')
    sequence = fields.Integer(default=10)
    key = fields.Char(required=True, help="Id of the button or list row.")
    title = fields.Char(required=True, help="At most 20 characters for buttons, 24 for lists.")
    description = fields.Char(help="Second line of a list row (up to 72 characters).")
    next_id = fields.Many2one('wa.node', 'Go To', ondelete='set null')
    category_id = fields.Many2one('helpdesk.ticket.category', ondelete='restrict')

    @api.model
    def create(self, vals):
        self.clear_caches()
        return super(WaNodeOption, self).create(vals)

    @api.multi
    def write(self, vals):
        self.clear_caches()
        return super(WaNodeOption, self).write(vals)

    @api.multi
    def unlink(self):
        self.clear_caches()
        return super(WaNodeOption, self).unlink()
