from odoo import api, fields, models, tools


class WaInteractionRecap(models.Model):
    """Monthly recap of the interaction log (SQL view)."""
    _name = 'wa.interaction.recap'
    _description = 'WhatsApp Chatbot Monthly Recap'
    _auto = False
    _order = 'month desc'
    _rec_name = 'month'

    month = fields.Date(readonly=True)
    interaction_count = fields.Integer('Interactions', readonly=True)
    customer_count = fields.Integer('Distinct Customers', readonly=True)
    active_day_count = fields.Integer('Days with Interactions', readonly=True)
    per_day = fields.Float('Interactions per Day', readonly=True, group_operator='avg',
                           help="Interactions divided by the days of the month.")
    outside_hours_count = fields.Integer('Outside Office Hours', readonly=True)
    complaint_count = fields.Integer('Complaints Filed', readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW wa_interaction_recap AS (
                WITH local AS (
                    SELECT i.phone, i.outside_office_hours, i.outcome,
                           (i.date AT TIME ZONE 'UTC') AT TIME ZONE COALESCE(a.tz, 'UTC') AS ts
                    FROM wa_interaction i
                    LEFT JOIN wa_account a ON a.id = i.account_id
                )
                SELECT
                    CAST(to_char(date_trunc('month', ts), 'YYYYMM') AS integer) AS id,
                    date_trunc('month', ts)::date AS month,
                    count(*) AS interaction_count,
                    count(DISTINCT phone) AS customer_count,
                    count(DISTINCT ts::date) AS active_day_count,
                    round(count(*)::numeric / extract(day FROM date_trunc('month', ts)
                        + interval '1 month - 1 day'), 2)::float AS per_day,
                    count(*) FILTER (WHERE outside_office_hours) AS outside_hours_count,
                    count(*) FILTER (WHERE outcome = 'complaint_created') AS complaint_count
                FROM local
                GROUP BY date_trunc('month', ts)
            )""")

    @api.multi
    def _interactions(self):
        self.ensure_one()
        start = fields.Date.from_string(self.month)
        end = start.replace(year=start.year + 1, month=1) if start.month == 12 \
            else start.replace(month=start.month + 1)
        return self.env['wa.interaction'].search([
            ('date', '>=', fields.Date.to_string(start)),
            ('date', '<', fields.Date.to_string(end))], order='date')
