from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools.recap import (format_hours, meets_handled_target, month_bounds,
                           month_label_id, percentage)

MONTHS = [(str(m), str(m)) for m in range(1, 13)]
BUCKETS = ['0-1', '2-3', '4-7', '8-30', '>30']


class ComplaintRecapDashboard(models.TransientModel):
    _name = 'complaint.recap.dashboard'
    _description = 'Complaint Recap Dashboard'

    year = fields.Integer(required=True,
                          default=lambda self: fields.Date.from_string(
                              fields.Date.context_today(self)).year)
    month = fields.Selection(MONTHS, required=True,
                             default=lambda self: str(fields.Date.from_string(
                                 fields.Date.context_today(self)).month))
    month_label = fields.Char(compute='_compute_figures')
    total = fields.Integer(string='Complaints', compute='_compute_figures')
    handled = fields.Integer(compute='_compute_figures')
    backlog = fields.Integer(string='Still Open', compute='_compute_figures')
    breached = fields.Integer(string='SLA Breached',
                              compute='_compute_figures')
    handled_pct = fields.Float(string='Handled (%)',
                               compute='_compute_figures')
    within_sla_pct = fields.Float(string='Resolved Within SLA (%)',
                                  compute='_compute_figures')
    response_hours = fields.Float(string='Avg. Response (h)',
                                  compute='_compute_figures')
    resolution_hours = fields.Float(string='Avg. Resolution (h)',
                                    compute='_compute_figures')
    rating = fields.Float(string='Avg. Satisfaction',
                          compute='_compute_figures')
    meets_target = fields.Boolean(string='Handled >= 80 %',
                                  compute='_compute_figures')
    backlog_0_1 = fields.Integer(string='Open 0-1 days',
                                 compute='_compute_figures')
    backlog_2_3 = fields.Integer(string='Open 2-3 days',
                                 compute='_compute_figures')
    backlog_4_7 = fields.Integer(string='Open 4-7 days',
                                 compute='_compute_figures')
    backlog_8_30 = fields.Integer(string='Open 8-30 days',
                                  compute='_compute_figures')
    backlog_30 = fields.Integer(string='Open over 30 days',
                                compute='_compute_figures')

    @api.constrains('year')
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise UserError(_('The year %s is not valid.') % wizard.year)

    def _bounds(self):
        start, end = month_bounds(self.year, int(self.month))
        return (fields.Datetime.to_string(date(*start)),
                fields.Datetime.to_string(date(*end)))

    @api.depends('year', 'month')
    def _compute_figures(self):
        Recap = self.env['complaint.recap']
        ages = Recap._backlog_by_age()
        for wizard in self:
            if not wizard.year or not wizard.month or \
                    not 2000 <= wizard.year <= 2100:
                continue
            figures = wizard.get_figures()
            wizard.month_label = figures['month_label']
            for name in ('total', 'handled', 'backlog', 'breached'):
                wizard[name] = figures[name]
            for name in ('handled_pct', 'within_sla_pct', 'response_hours',
                         'resolution_hours', 'rating'):
                wizard[name] = figures[name] or 0.0
            wizard.meets_target = figures['meets_target']
            wizard.backlog_0_1 = ages.get('0-1', 0)
            wizard.backlog_2_3 = ages.get('2-3', 0)
            wizard.backlog_4_7 = ages.get('4-7', 0)
            wizard.backlog_8_30 = ages.get('8-30', 0)
            wizard.backlog_30 = ages.get('>30', 0)

    @staticmethod
    def _shape(row):
        total = row['total'] or 0
        handled = row['handled'] or 0
        return {
            'total': total,
            'handled': handled,
            'backlog': row['backlog'] or 0,
            'breached': row['breached'] or 0,
            'handled_pct': percentage(handled, total),
            'within_sla_pct': None if row['within_sla_pct'] is None
            else round(float(row['within_sla_pct']), 1),
            'response_hours': None if row['response_hours'] is None
            else round(float(row['response_hours']), 2),
            'resolution_hours': None if row['resolution_hours'] is None
            else round(float(row['resolution_hours']), 2),
            'rating': None if row['rating'] is None
            else round(float(row['rating']), 2),
            'meets_target': meets_handled_target(handled, total),
        }

    @api.multi
    def get_figures(self):
        """Figures of the month: totals, per dimension and backlog ages."""
        self.ensure_one()
        Recap = self.env['complaint.recap']
        date_from, date_to = self._bounds()
        totals = Recap._figures(date_from, date_to)
        empty = {'total': 0, 'handled': 0, 'backlog': 0, 'breached': 0,
                 'within_sla_pct': None, 'response_hours': None,
                 'resolution_hours': None, 'rating': None}
        result = self._shape(totals[0] if totals else empty)
        result['month_label'] = month_label_id(self.year, int(self.month))
        result['response_text'] = format_hours(result['response_hours'])
        result['resolution_text'] = format_hours(result['resolution_hours'])
        result['dimensions'] = []
        dimensions = [('category_id', _('Category')), ('zone_id', _('Zone')),
                      ('channel_id', _('Channel')), ('team_id', _('Team'))]
        for field, label in dimensions:
            rows = Recap._figures(date_from, date_to, groupby=field)
            comodel = self.env[Recap._fields[field].comodel_name].sudo()
            names = dict(comodel.browse(
                [r['key'] for r in rows if r['key']]).name_get())
            lines = []
            for row in rows:
                line = self._shape(row)
                line['name'] = names.get(row['key']) or _('(none)')
                lines.append(line)
            result['dimensions'].append((label, lines))
        ages = Recap._backlog_by_age()
        result['backlog_ages'] = [(b, ages.get(b, 0)) for b in BUCKETS]
        return result

    def _recap_action(self, view_mode):
        date_from, date_to = self._bounds()
        action = self.env.ref(
            'customer_complaint.complaint_recap_action').read()[0]
        action['domain'] = [('complaint_date', '>=', date_from),
                            ('complaint_date', '<', date_to)]
        action['view_mode'] = view_mode
        action['views'] = [(False, mode) for mode in view_mode.split(',')]
        return action

    @api.multi
    def action_open_pivot(self):
        return self._recap_action('pivot,graph')

    @api.multi
    def action_open_graph(self):
        return self._recap_action('graph,pivot')

    @api.multi
    def action_print_pdf(self):
        return self.env.ref(
            'customer_complaint.complaint_recap_report_pdf').report_action(
                self)

    @api.multi
    def action_print_xlsx(self):
        return self.env.ref(
            'customer_complaint.complaint_recap_report_xlsx').report_action(
                self)
