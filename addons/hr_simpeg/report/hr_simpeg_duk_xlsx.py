from odoo import _, fields, models


class HrSimpegDukXlsx(models.AbstractModel):
    _name = 'report.hr_simpeg.duk_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def _duk_rows(self, objs):
        """Rows of the selected lines, or of the whole list when none is
        selected, in DUK order: one query, after the access checks."""
        Duk = self.env['hr.simpeg.duk']
        Duk.check_access_rights('read')
        domain = [('id', 'in', objs.ids)] if objs else []
        ids = Duk.search(domain).ids  # applies the record rules
        self.env.cr.execute("""
            SELECT d.duk_rank, d.nipp, d.name, g.name, d.grade_date,
                   j.name, dep.complete_name, d.join_date, d.service_years,
                   d.highest_education, d.birthday, d.age,
                   d.employment_status
              FROM hr_simpeg_duk d
              LEFT JOIN hr_simpeg_grade g ON g.id = d.grade_id
              LEFT JOIN hr_job j ON j.id = d.job_id
              LEFT JOIN hr_department dep ON dep.id = d.department_id
             WHERE d.id = ANY(%s)
             ORDER BY d.duk_rank""", (ids,))
        return self.env.cr.fetchall()

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
        duk_fields = self.env['hr.simpeg.duk']._fields
        education = dict(duk_fields['highest_education'].get_description(
            self.env)['selection'])
        status = dict(duk_fields['employment_status'].get_description(
            self.env)['selection'])
        for row, values in enumerate(self._duk_rows(objs), start=4):
            values = list(values)
            values[9] = education.get(values[9], '')
            values[12] = status.get(values[12], '')
            for col, value in enumerate(values):
                if col in (4, 7, 10):
                    if value:
                        if not isinstance(value, str):
                            value = fields.Date.to_string(value)
                        sheet.write_datetime(
                            row, col, fields.Datetime.from_string(value),
                            date_cell)
                    else:
                        sheet.write_blank(row, col, None, cell)
                elif value is None:
                    sheet.write_blank(row, col, None, cell)
                else:
                    sheet.write(row, col, value, cell)
        sheet.freeze_panes(4, 3)
