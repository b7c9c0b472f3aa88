from odoo import api, fields, models

# Indonesian public holidays and collective leave (cuti bersama) by
# government decree (SKB 3 Menteri); staff correct and add days in the
# web client, these are only the starting data.
ID_HOLIDAYS = {
    2024: [
        ('2024-01-01', 'Tahun Baru Masehi', False),
        ('2024-02-08', 'Isra Mikraj Nabi Muhammad SAW', False),
        ('2024-02-09', 'Cuti Bersama Tahun Baru Imlek', True),
        ('2024-02-10', 'Tahun Baru Imlek', False),
        ('2024-03-11', 'Hari Suci Nyepi', False),
        ('2024-03-12', 'Cuti Bersama Hari Suci Nyepi', True),
        ('2024-03-29', 'Wafat Isa Almasih', False),
        ('2024-03-31', 'Hari Paskah', False),
        ('2024-04-08', 'Cuti Bersama Idul Fitri', True),
        ('2024-04-09', 'Cuti Bersama Idul Fitri', True),
        ('2024-04-10', 'Hari Raya Idul Fitri', False),
        ('2024-04-11', 'Hari Raya Idul Fitri', False),
        ('2024-04-12', 'Cuti Bersama Idul Fitri', True),
        ('2024-04-15', 'Cuti Bersama Idul Fitri', True),
        ('2024-05-01', 'Hari Buruh Internasional', False),
        ('2024-05-09', 'Kenaikan Isa Almasih', False),
        ('2024-05-10', 'Cuti Bersama Kenaikan Isa Almasih', True),
        ('2024-05-23', 'Hari Raya Waisak', False),
        ('2024-05-24', 'Cuti Bersama Hari Raya Waisak', True),
        ('2024-06-01', 'Hari Lahir Pancasila', False),
        ('2024-06-17', 'Hari Raya Idul Adha', False),
        ('2024-06-18', 'Cuti Bersama Idul Adha', True),
        ('2024-07-07', 'Tahun Baru Islam', False),
        ('2024-08-17', 'Hari Kemerdekaan Republik Indonesia', False),
        ('2024-09-16', 'Maulid Nabi Muhammad SAW', False),
        ('2024-12-25', 'Hari Raya Natal', False),
        ('2024-12-26', 'Cuti Bersama Hari Raya Natal', True),
    ],
    2025: [
        ('2025-01-01', 'Tahun Baru Masehi', False),
        ('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW', False),
        ('2025-01-28', 'Cuti Bersama Tahun Baru Imlek', True),
        ('2025-01-29', 'Tahun Baru Imlek', False),
        ('2025-03-28', 'Cuti Bersama Hari Suci Nyepi', True),
        ('2025-03-29', 'Hari Suci Nyepi', False),
        ('2025-03-31', 'Hari Raya Idul Fitri', False),
        ('2025-04-01', 'Hari Raya Idul Fitri', False),
        ('2025-04-02', 'Cuti Bersama Idul Fitri', True),
        ('2025-04-03', 'Cuti Bersama Idul Fitri', True),
        ('2025-04-04', 'Cuti Bersama Idul Fitri', True),
        ('2025-04-07', 'Cuti Bersama Idul Fitri', True),
        ('2025-04-18', 'Wafat Isa Almasih', False),
        ('2025-04-20', 'Hari Paskah', False),
        ('2025-05-01', 'Hari Buruh Internasional', False),
        ('2025-05-12', 'Hari Raya Waisak', False),
        ('2025-05-13', 'Cuti Bersama Hari Raya Waisak', True),
        ('2025-05-29', 'Kenaikan Isa Almasih', False),
        ('2025-05-30', 'Cuti Bersama Kenaikan Isa Almasih', True),
        ('2025-06-01', 'Hari Lahir Pancasila', False),
        ('2025-06-06', 'Hari Raya Idul Adha', False),
        ('2025-06-09', 'Cuti Bersama Idul Adha', True),
        ('2025-06-27', 'Tahun Baru Islam', False),
        ('2025-08-17', 'Hari Kemerdekaan Republik Indonesia', False),
        ('2025-09-05', 'Maulid Nabi Muhammad SAW', False),
        ('2025-12-25', 'Hari Raya Natal', False),
        ('2025-12-26', 'Cuti Bersama Hari Raya Natal', True),
    ],
}


class HrHolidaysPublicLine(models.Model):
    _inherit = 'hr.holidays.public.line'

    collective_leave = fields.Boolean(
        help="Cuti bersama: a collective leave day set by government decree; "
             "not a working day for due dates.")


class HrHolidaysPublic(models.Model):
    _inherit = 'hr.holidays.public'

    @api.model
    def _vendor_billing_seed_indonesia(self):
        """Add the Indonesian days above that are not there yet (another
        addon or staff may have created the year already)."""
        country = self.env.ref('base.id')
        Line = self.env['hr.holidays.public.line']
        for year, days in ID_HOLIDAYS.items():
            calendar = self.search([('year', '=', year),
                                    ('country_id', '=', country.id)], limit=1)
            if not calendar:
                calendar = self.create({'year': year, 'country_id': country.id})
            known = set(calendar.line_ids.mapped('date'))
            for day, name, collective in days:
                if day not in known:
                    Line.create({'year_id': calendar.id, 'date': day,
                                 'name': name, 'collective_leave': collective})

    @api.model
    def _vendor_billing_non_working_days(self, date_from, date_to, country=None):
        """Holiday and collective leave dates between two dates (inclusive)."""
        country = country or self.env.ref('base.id')
        lines = self.env['hr.holidays.public.line'].search([
            ('date', '>=', fields.Date.to_string(date_from)),
            ('date', '<=', fields.Date.to_string(date_to)),
            '|', ('year_id.country_id', '=', False),
            ('year_id.country_id', '=', country.id),
        ])
        return {fields.Date.from_string(d) for d in lines.mapped('date')}
