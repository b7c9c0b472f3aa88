# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import text


class KinerjaPlanReport(models.AbstractModel):
    """Yearly SKP form: targets, monthly scores, signature blocks."""
    _name = 'report.hr_kinerja.report_skp'

    @api.model
    def get_report_values(self, docids, data=None):
        plans = self.env['kinerja.plan'].browse(docids)
        Assessment = self.env['kinerja.assessment']
        Year = self.env['kinerja.assessment.year']
        extra = {}
        for plan in plans:
            extra[plan.id] = {
                'assessments': Assessment.search([
                    ('employee_id', '=', plan.employee_id.id),
                    ('year', '=', plan.year)], order='month'),
                'rollup': Year.search([
                    ('employee_id', '=', plan.employee_id.id),
                    ('year', '=', plan.year)], limit=1),
                'second_appraiser': plan.appraiser_id.sudo().parent_id,
            }
        return {
            'doc_ids': docids,
            'doc_model': 'kinerja.plan',
            'docs': plans,
            'extra': extra,
            'date_id': lambda d: text.date_id(fields.Date.from_string(d))
            if d else '',
            'month_id': lambda d: text.month_id(fields.Date.from_string(d))
            if d else '',
            'num': text.number_id,
            'today': text.date_id(fields.Date.from_string(
                fields.Date.context_today(self))),
        }
