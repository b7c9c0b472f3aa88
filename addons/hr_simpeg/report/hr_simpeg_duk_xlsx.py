from odoo import _, fields, models


class HrSimpegDukXlsx(models.AbstractModel):
    _name = 'report.hr_simpeg.duk_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def _duk_rows(self, objs):
        """The selected lines, or the whole list when none is selected."""
        if not objs:
            objs = self.env['hr.simpeg.duk'].search([])
        return objs.sorted('duk_rank')

    def generate_xlsx_report(self, workbook, data, objs):
        sheet = workbook.add_worksheet(_('DUK'))
        bold = workbook.add_format({'bold': True})
        title = workbook.add_format({'bold': True, 'font_size': 14})
        header = workbook.add_format({'bold': True, 'border': 1,
                                      'bg_color': '#D9E1F2',
                                      'text_wrap': True})
        cell = workbook.add_format({'border': 1})
        date_cell = workbook.add_format({'border': 1,
                                         'num_format': 'dd-mm-yyyy'})
        sheet.write(0, 0, _('Seniority List (DUK)'), title)
        sheet.write(1, 0, self.env.user.company_id.name or '', bold)
        columns = [
            (_('No.'), 6), (_('NIPP'), 14), (_('Name'), 30),
            (_('Grade'), 10), (_('Grade TMT'), 12), (_('Position'), 28),
            (_('Unit'), 24), (_('Join Date'), 12),
            (_('Years of Service'), 10), (_('Education'), 10),
            (_('Date of Birth'), 12), (_('Age'), 6), (_('Status'), 12),
        ]
        for col, (label, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(3, col, label, header)
        education = dict(self.env['hr.simpeg.duk']._fields[
            'highest_education'].get_description(self.env)['selection'])
        status = dict(self.env['hr.simpeg.duk']._fields[
            'employment_status'].get_description(self.env)['selection'])
        row = 4
        for line in self._duk_rows(objs):
            values = [
                line.duk_rank, line.nipp or '', line.name or '',
                line.grade_id.name or '', line.grade_date,
                line.job_id.name or '', line.department_id.name or '',
                line.join_date, line.service_years,
                education.get(line.highest_education, ''),
                line.birthday, line.age,
                status.get(line.employment_status, ''),
            ]
            for col, value in enumerate(values):
                if col in (4, 7, 10):
                    if value:
                        sheet.write_datetime(
                            row, col, fields.Datetime.from_string(value),
                            date_cell)
                    else:
                        sheet.write_blank(row, col, None, cell)
                else:
                    sheet.write(row, col, value, cell)
            row += 1
        sheet.freeze_panes(4, 3)
