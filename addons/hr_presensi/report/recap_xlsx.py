# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, models

from ..tools.schedule import attendance_rate

MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli',
          'Agustus', 'September', 'Oktober', 'November', 'Desember']


def month_label(value):
    """'2024-09-01' -> 'September 2024'."""
    return '%s %s' % (MONTHS[int(value[5:7]) - 1], value[:4])


class RecapXlsx(models.AbstractModel):
    _name = 'report.hr_presensi.recap_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    COLUMNS = [
        ('month', 'Month', 16), ('employee_id', 'Employee', 30),
        ('department_id', 'Department', 24),
        ('working_days', 'Working days', 10),
        ('present_days', 'Present', 10), ('late_count', 'Late days', 10),
        ('late_minutes', 'Late minutes', 10),
        ('early_leave_minutes', 'Early leave minutes', 12),
        ('absent_days', 'Absent', 10), ('leave_days', 'Leave', 10),
        ('duty_days', 'Official duty', 10),
        ('attendance_rate', 'Attendance rate (%)', 12),
    ]

    def generate_xlsx_report(self, workbook, data, recaps):
        sheet = workbook.add_worksheet(_('Monthly Recap'))
        bold = workbook.add_format({'bold': True, 'bg_color': '#DDEBF7',
                                    'border': 1, 'text_wrap': True})
        pct = workbook.add_format({'num_format': '0.00'})
        sheet.write(0, 0, _('Attendance Recap'), workbook.add_format(
            {'bold': True, 'font_size': 14}))
        for col, (_name, label, width) in enumerate(self.COLUMNS):
            sheet.write(2, col, _(label), bold)
            sheet.set_column(col, col, width)
        for row, recap in enumerate(recaps, start=3):
            values = [month_label(recap.month), recap.employee_id.name,
                      recap.department_id.name or '', recap.working_days,
                      recap.present_days, recap.late_count,
                      recap.late_minutes, recap.early_leave_minutes,
                      recap.absent_days, recap.leave_days, recap.duty_days]
            for col, value in enumerate(values):
                sheet.write(row, col, value)
            sheet.write(row, len(values), attendance_rate(
                recap.working_days, recap.present_days, recap.duty_days), pct)
        sheet.freeze_panes(3, 2)
