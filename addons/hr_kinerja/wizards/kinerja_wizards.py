# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KinerjaActivityRejectWizard(models.TransientModel):
    _name = 'kinerja.activity.reject.wizard'
    _description = 'Reject Daily Reports'

    activity_ids = fields.Many2many('kinerja.activity', string='Reports')
    reason = fields.Text(required=True)

    @api.multi
    def action_reject(self):
        self.ensure_one()
        self.activity_ids.action_reject(self.reason)
        return {'type': 'ir.actions.act_window_close'}


class KinerjaQuotaWizard(models.TransientModel):
    _name = 'kinerja.quota.wizard'
    _description = 'Rating Quota Warning'

    assessment_ids = fields.Many2many('kinerja.assessment',
                                      string='Assessments')
    message = fields.Text(readonly=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.assessment_ids.with_context(
            kinerja_quota_confirmed=True).action_approve()
        return {'type': 'ir.actions.act_window_close'}
