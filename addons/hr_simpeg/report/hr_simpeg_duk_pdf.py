from odoo import api, fields, models

from ..tools import simpeg


class HrSimpegDukPdf(models.AbstractModel):
    _name = 'report.hr_simpeg.report_duk'

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self.env['hr.simpeg.duk'].browse(docids).sorted('duk_rank')
        return {
            'doc_ids': docids,
            'doc_model': 'hr.simpeg.duk',
            'docs': docs,
            'format_date': simpeg.format_date_id,
            'today': simpeg.format_date_id(fields.Date.context_today(self)),
        }
