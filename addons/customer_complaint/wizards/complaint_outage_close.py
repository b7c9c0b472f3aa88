from odoo import api, fields, models


class ComplaintOutageClose(models.TransientModel):
    _name = 'complaint.outage.close'
    _description = 'Close an Outage'

    outage_id = fields.Many2one('complaint.outage', required=True,
                                default=lambda self: self.env.context.get(
                                    'active_id'))
    message = fields.Text(required=True,
                          help='Sent to every customer with a complaint in '
                               'this outage.')
    stage_id = fields.Many2one(
        'helpdesk.ticket.stage', string='Close Complaints In',
        domain=[('closed', '=', True)], required=True,
        default=lambda self: self.env.ref(
            'helpdesk_mgmt.helpdesk_ticket_stage_done', False))

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.outage_id.action_close(self.message, self.stage_id)
        return {'type': 'ir.actions.act_window_close'}
