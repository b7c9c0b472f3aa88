# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, fields, models

from ..tools import text


class KinerjaAssessmentXlsx(models.AbstractModel):
    """Monthly recap of the selected assessments as a spreadsheet."""
    _name = 'report.hr_kinerja.assessment_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def _recap_columns(self):
        return [
            ('nipp', _('NIPP'), 14),
            ('employee_id', _('Employee'), 30),
            ('department_id', _('Department'), 24),
            ('month', _('Month'), 16),
            ('work_score', _('Work score'), 12),
            ('behaviour_score', _('Behaviour score'), 12),
            ('discipline_score', _('Discipline score'), 12),
            ('final_score', _('Final score'), 12),
            ('predicate_id', _('Predicate'), 18),
            ('late_count', _('Late days'), 10),
            ('absent_days', _('Absent days'), 10),
            ('state', _('Status'), 14),
        ]

    def generate_xlsx_report(self, workbook, data, assessments):
        sheet = workbook.add_worksheet(_('Monthly recap'))
        title = workbook.add_format({'bold': True, 'font_size': 14})
        head = workbook.add_format({'bold': True, 'bg_color': '#DDEBF7',
                                    'border': 1, 'text_wrap': True})
        cell = workbook.add_format({'border': 1})
        number = workbook.add_format({'border': 1, 'num_format': '0.00'})
        columns = self._recap_columns()
        sheet.write(0, 0, _('Monthly performance recap'), title)
        sheet.write(2, 0, _('No.'), head)
        sheet.set_column(0, 0, 5)
        for col, (_name, label, width) in enumerate(columns, start=1):
            sheet.write(2, col, label, head)
            sheet.set_column(col, col, width)
        states = dict(assessments._fields['state']._description_selection(
            assessments.env))
        rows = assessments.read([c[0] for c in columns if c[0] != 'nipp']
                                + ['plan_id'])
        plans = {p['id']: p['nipp'] for p in assessments.mapped(
            'plan_id').read(['nipp'])}
        for row in rows:
            row['nipp'] = plans.get(row['plan_id'] and row['plan_id'][0])
        for index, row in enumerate(rows, start=1):
            line = 2 + index
            sheet.write(line, 0, index, cell)
            for col, (name, _label, _width) in enumerate(columns, start=1):
                value = row[name]
                if name == 'month':
                    value = text.month_id(fields.Date.from_string(value))
                elif name == 'state':
                    value = states.get(value, value)
                elif isinstance(value, tuple):
                    value = value[1]
                if isinstance(value, float):
                    sheet.write_number(line, col, value, number)
                else:
                    sheet.write(line, col, value or '', cell)
        sheet.freeze_panes(3, 2)
