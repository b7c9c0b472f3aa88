from odoo import api, fields, models


class ComplaintAssignmentRule(models.Model):
    _name = 'complaint.assignment.rule'
    _description = 'Complaint Assignment Rule'
    _order = 'sequence, id'

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    zone_id = fields.Many2one('complaint.zone', string='Zone',
                              help='Empty: every zone.')
    category_id = fields.Many2one('helpdesk.ticket.category',
                                  string='Category',
                                  help='Empty: every category.')
    team_id = fields.Many2one('helpdesk.ticket.team', string='Team',
                              required=True)

    @api.model
    def _find_team(self, zone, category):
        """Team of the most specific matching rule (zone and category beat
        one of them, which beats none; then by sequence)."""
        rules = self.search([
            ('zone_id', 'in', [False, zone.id]),
            ('category_id', 'in', [False, category.id]),
        ])
        if not rules:
            return self.env['helpdesk.ticket.team']
        best = sorted(rules, key=lambda r: (
            -(bool(r.zone_id) + bool(r.category_id)), r.sequence, r.id))[0]
        return best.team_id
