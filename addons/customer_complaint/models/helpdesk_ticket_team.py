from odoo import fields, models

from ..tools.assignment import least_loaded, round_robin


class HelpdeskTicketTeam(models.Model):
    _inherit = 'helpdesk.ticket.team'

    leader_id = fields.Many2one(
        'res.users', string='Team Leader',
        help='Receives escalations of at-risk and breached complaints.')
    assignment_method = fields.Selection([
        ('manual', 'Manual'),
        ('least_loaded', 'Least loaded officer'),
        ('round_robin', 'Round robin'),
    ], default='least_loaded', required=True)
    last_assigned_user_id = fields.Many2one('res.users', readonly=True,
                                            copy=False)

    def _pick_officer(self):
        """The member who gets the next complaint, or an empty recordset."""
        self.ensure_one()
        members = self.user_ids.filtered('active').ids
        if not members or self.assignment_method == 'manual':
            return self.env['res.users']
        if self.assignment_method == 'round_robin':
            user_id = round_robin(members, self.last_assigned_user_id.id or None)
        else:
            groups = self.env['helpdesk.ticket'].sudo().read_group(
                [('user_id', 'in', members), ('stage_id.closed', '=', False)],
                ['user_id'], ['user_id'])
            counts = {g['user_id'][0]: g['user_id_count'] for g in groups}
            user_id = least_loaded(members, counts)
        self.sudo().last_assigned_user_id = user_id
        return self.env['res.users'].browse(user_id)
