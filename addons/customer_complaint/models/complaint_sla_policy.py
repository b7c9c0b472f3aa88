from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import sla

PRIORITIES = [('0', 'Low'), ('1', 'Medium'), ('2', 'High'), ('3', 'Very High')]


class ComplaintSlaPolicy(models.Model):
    _name = 'complaint.sla.policy'
    _description = 'Complaint SLA Policy'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_id = fields.Many2one('helpdesk.ticket.category',
                                  string='Category',
                                  help='Empty: every category.')
    priority = fields.Selection(PRIORITIES, help='Empty: every priority.')
    response_hours = fields.Float(required=True, default=4.0)
    resolution_hours = fields.Float(required=True, default=24.0)
    time_basis = fields.Selection([
        ('24h', 'Around the clock'),
        ('calendar', 'Working calendar'),
    ], default='24h', required=True)
    calendar_id = fields.Many2one('resource.calendar',
                                  string='Working Calendar')
    tz = fields.Selection('_tz_get', string='Timezone', required=True,
                          default='Asia/Jakarta')
    at_risk_percent = fields.Float(
        string='At Risk After (%)', default=75.0,
        help='A complaint is at risk once it has used this share of its '
             'resolution time.')

    @api.model
    def _tz_get(self):
        return [(tz, tz) for tz in pytz.all_timezones]

    @api.constrains('response_hours', 'resolution_hours', 'at_risk_percent')
    def _check_hours(self):
        for policy in self:
            if policy.response_hours < 0 or policy.resolution_hours < 0:
                raise ValidationError(_(
                    'SLA policy "%s": response and resolution hours cannot '
                    'be negative.') % policy.name)
            if policy.resolution_hours < policy.response_hours:
                raise ValidationError(_(
                    'SLA policy "%s": the resolution time cannot be shorter '
                    'than the response time.') % policy.name)
            if not 0 < policy.at_risk_percent <= 100:
                raise ValidationError(_(
                    'SLA policy "%s": the at-risk share must be between 1 '
                    'and 100 %%.') % policy.name)

    @api.constrains('time_basis', 'calendar_id')
    def _check_calendar(self):
        for policy in self:
            if policy.time_basis == 'calendar' and not policy.calendar_id:
                raise ValidationError(_(
                    'SLA policy "%s" counts working hours: choose a working '
                    'calendar.') % policy.name)

    @api.model
    def _find(self, category, priority):
        """The policy for a category and priority; specific beats generic."""
        policies = self.search([
            ('category_id', 'in', [False, category.id]),
            ('priority', 'in', [False, priority]),
        ])
        if not policies:
            return self
        return sorted(policies, key=lambda p: (
            not p.category_id, not p.priority, p.sequence, p.id))[0]

    # Working-time arithmetic: Odoo datetimes are naive UTC, the calendar
    # speaks local time.

    def _schedule(self, start_utc, end_utc):
        self.ensure_one()
        if self.time_basis != 'calendar':
            return None, ()
        schedule = {}
        for att in self.calendar_id.attendance_ids:
            schedule.setdefault(int(att.dayofweek), []).append(
                (att.hour_from, att.hour_to))
        holidays = set()
        leaves = self.calendar_id.global_leave_ids.filtered(
            lambda l: l.date_to >= fields.Datetime.to_string(start_utc))
        for leave in leaves:
            day = self._to_local(fields.Datetime.from_string(leave.date_from))
            last = self._to_local(fields.Datetime.from_string(leave.date_to))
            while day.date() <= last.date():
                holidays.add(day.date())
                day += timedelta(days=1)
        return schedule, holidays

    def _to_local(self, utc_dt):
        local = pytz.utc.localize(utc_dt).astimezone(pytz.timezone(self.tz))
        return local.replace(tzinfo=None)

    def _to_utc(self, local_dt):
        aware = pytz.timezone(self.tz).localize(local_dt)
        return aware.astimezone(pytz.utc).replace(tzinfo=None)

    def _add_hours(self, start_utc, hours):
        """Naive UTC datetime ``hours`` (working) hours after start."""
        self.ensure_one()
        schedule, holidays = self._schedule(start_utc, None)
        if schedule is None:
            return sla.add_hours(start_utc, hours)
        local = sla.add_hours(self._to_local(start_utc), hours, schedule,
                              holidays)
        return self._to_utc(local)

    def _hours_between(self, start_utc, end_utc):
        self.ensure_one()
        schedule, holidays = self._schedule(min(start_utc, end_utc), None)
        if schedule is None:
            return sla.hours_between(start_utc, end_utc)
        return sla.hours_between(self._to_local(start_utc),
                                 self._to_local(end_utc), schedule, holidays)
