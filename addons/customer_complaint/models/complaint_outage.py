from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ComplaintOutage(models.Model):
    _name = 'complaint.outage'
    _description = 'Supply Outage'
    _inherit = ['mail.thread']
    _order = 'date_start desc, id desc'

    name = fields.Char(required=True, copy=False, readonly=True,
                       default='/')
    zone_id = fields.Many2one('complaint.zone', string='Zone', required=True,
                              index=True)
    date_start = fields.Datetime(string='Started', required=True,
                                 default=fields.Datetime.now)
    date_end = fields.Datetime(string='Closed On', readonly=True)
    state = fields.Selection([('open', 'Open'), ('closed', 'Closed')],
                             default='open', required=True,
                             track_visibility='onchange')
    ticket_ids = fields.One2many('helpdesk.ticket', 'outage_id',
                                 string='Complaints')
    ticket_count = fields.Integer(compute='_compute_ticket_count')
    closing_message = fields.Text(readonly=True)

    def _compute_ticket_count(self):
        groups = self.env['helpdesk.ticket'].read_group(
            [('outage_id', 'in', self.ids)], ['outage_id'], ['outage_id'])
        counts = {g['outage_id'][0]: g['outage_id_count'] for g in groups}
        for outage in self:
            outage.ticket_count = counts.get(outage.id, 0)

    @api.model
    def create(self, vals):
        if vals.get('name', '/') == '/':
            vals['name'] = self.env['ir.sequence'].next_by_code(
                'complaint.outage') or '/'
        return super().create(vals)

    @api.multi
    def action_close(self, message, stage=None):
        """Close the outage and all its open complaints, telling every
        affected customer the same message."""
        message = (message or '').strip()
        if not message:
            raise UserError(_('Write the message for the affected '
                              'customers before closing the outage.'))
        stage = stage or self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        if not stage.closed:
            raise UserError(_('Stage %s does not close complaints.')
                            % stage.name)
        for outage in self:
            if outage.state == 'closed':
                raise UserError(_('Outage %s is already closed.')
                                % outage.name)
            tickets = outage.ticket_ids.filtered(
                lambda t: not t.stage_id.closed)
            for ticket in tickets:
                ticket.message_post(
                    body=message, subtype='mail.mt_comment',
                    message_type='comment',
                    partner_ids=ticket.partner_id.ids)
            tickets.with_context(complaint_skip_stage_notify=True).write(
                {'stage_id': stage.id})
            outage.write({
                'state': 'closed',
                'date_end': fields.Datetime.now(),
                'closing_message': message,
            })
            outage.message_post(body=message)
        return True

    @api.multi
    def action_view_tickets(self):
        self.ensure_one()
        action = self.env.ref('helpdesk_mgmt.helpdesk_ticket_action').read()[0]
        action['domain'] = [('outage_id', '=', self.id)]
        action['context'] = {}
        return action
