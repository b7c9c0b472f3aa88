import uuid

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import sla
from ..tools.outage import window_cluster
from ..tools.validation import valid_coordinates

SLA_STATUSES = [
    (sla.ON_TIME, 'On time'),
    (sla.AT_RISK, 'At risk'),
    (sla.BREACHED, 'Breached'),
]
RATINGS = [('1', 'Very dissatisfied'), ('2', 'Dissatisfied'),
           ('3', 'Neutral'), ('4', 'Satisfied'), ('5', 'Very satisfied')]
COMPLAINT_GROUPS = 'customer_complaint.group_complaint_officer'


class HelpdeskTicket(models.Model):
    _inherit = 'helpdesk.ticket'

    complaint_date = fields.Datetime(
        string='Reported On', default=fields.Datetime.now, required=True,
        index=True, copy=False,
        help='When the customer filed the complaint; the SLA clock starts '
             'here.')
    customer_number = fields.Char(related='partner_id.customer_number',
                                  store=True, readonly=True)
    zone_id = fields.Many2one('complaint.zone', string='Zone', index=True,
                              ondelete='restrict')
    address = fields.Char(groups=COMPLAINT_GROUPS)
    phone = fields.Char(string='Contact Phone', groups=COMPLAINT_GROUPS)
    latitude = fields.Float(digits=(10, 7), groups=COMPLAINT_GROUPS)
    longitude = fields.Float(digits=(10, 7), groups=COMPLAINT_GROUPS)
    map_url = fields.Char(string='Map', compute='_compute_map_url',
                          groups=COMPLAINT_GROUPS)
    sla_policy_id = fields.Many2one('complaint.sla.policy',
                                    string='SLA Policy', readonly=True)
    sla_response_deadline = fields.Datetime(string='Response Deadline',
                                            readonly=True)
    sla_deadline = fields.Datetime(string='Resolution Deadline',
                                   readonly=True, index=True)
    sla_status = fields.Selection(SLA_STATUSES, string='SLA Status',
                                  default=sla.ON_TIME, readonly=True,
                                  index=True, track_visibility='onchange')
    sla_paused_since = fields.Datetime(readonly=True, copy=False)
    sla_remaining_hours = fields.Float(readonly=True, copy=False)
    first_response_date = fields.Datetime(readonly=True, copy=False)
    duplicate_of_id = fields.Many2one('helpdesk.ticket',
                                      string='Duplicate Of', index=True,
                                      readonly=True, copy=False)
    duplicate_ids = fields.One2many('helpdesk.ticket', 'duplicate_of_id',
                                    string='Duplicates')
    duplicate_count = fields.Integer(compute='_compute_duplicate_count')
    outage_id = fields.Many2one('complaint.outage', string='Outage',
                                index=True, copy=False)
    escalation_ids = fields.One2many('complaint.escalation', 'ticket_id',
                                     string='Escalations')
    rating = fields.Selection(RATINGS, copy=False,
                              track_visibility='onchange')
    rating_comment = fields.Text(copy=False)
    rating_date = fields.Datetime(readonly=True, copy=False)
    access_token = fields.Char(copy=False, readonly=True,
                               default=lambda self: uuid.uuid4().hex)

    def _compute_map_url(self):
        for ticket in self:
            if ticket.latitude or ticket.longitude:
                ticket.map_url = (
                    'https://www.openstreetmap.org/?mlat=%.7f&mlon=%.7f'
                    '#map=18/%.7f/%.7f' % (ticket.latitude, ticket.longitude,
                                           ticket.latitude, ticket.longitude))

    def _compute_duplicate_count(self):
        for ticket in self:
            ticket.duplicate_count = len(ticket.duplicate_ids)

    @api.constrains('latitude', 'longitude')
    def _check_coordinates(self):
        for ticket in self.sudo():
            if not valid_coordinates(ticket.latitude, ticket.longitude):
                raise ValidationError(_(
                    'The location %s, %s is not a valid latitude/longitude.')
                    % (ticket.latitude, ticket.longitude))

    @api.constrains('rating', 'stage_id')
    def _check_rating(self):
        for ticket in self:
            if ticket.rating and not ticket.stage_id.closed:
                raise ValidationError(_(
                    'Complaint %s can only be rated once it is closed.')
                    % ticket.number)

    @api.onchange('partner_id')
    def _onchange_partner_id_complaint(self):
        if self.partner_id:
            self.zone_id = self.partner_id.zone_id
            if self.env.user.has_group(COMPLAINT_GROUPS):
                self.address = self.partner_id.street
                self.phone = self.partner_id.mobile or self.partner_id.phone

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def create(self, vals):
        vals = self._prepare_complaint_vals(dict(vals))
        ticket = super().create(vals)
        ticket._apply_sla_policy()
        if ticket.duplicate_of_id:
            ticket._follow_original()
        else:
            ticket._assign_complaint()
        ticket.sudo()._link_outage()
        return ticket

    @api.multi
    def write(self, vals):
        before = {}
        if 'stage_id' in vals:
            before = {t.id: t.stage_id for t in self}
        if 'rating' in vals:
            vals = dict(vals, rating_date=vals.get('rating') and
                        self._complaint_now_str() or False)
        res = super().write(vals)
        if before:
            changed = self.filtered(lambda t: before[t.id] != t.stage_id)
            if changed:
                changed.sudo()._sla_on_stage_change(before)
                if not self.env.context.get('complaint_skip_stage_notify'):
                    changed._notify_customer_stage_change()
        return res

    @api.multi
    def send_user_mail(self):
        """Tell the assigned officer, not the customer."""
        if self.env.context.get('install_mode_data'):
            return  # records loaded from data files mail nobody
        template = self.env.ref('helpdesk_mgmt.assignment_email_template')
        for ticket in self.filtered('user_id'):
            template.send_mail(ticket.id, email_values={
                'recipient_ids': [(6, 0, ticket.user_id.partner_id.ids)]})

    # ------------------------------------------------------------------
    # Entry point for channels
    # ------------------------------------------------------------------

    @api.model
    def create_complaint(self, vals):
        """File a complaint from a channel (web form, WhatsApp, desk).

        ``vals`` are helpdesk.ticket values; ``customer_number`` may stand
        in for ``partner_id``. Raises UserError for an unknown customer.
        Returns the new ticket (possibly linked as a duplicate)."""
        vals = dict(vals)
        number = vals.pop('customer_number', None)
        partner = self.env['res.partner'].browse(vals.get('partner_id'))
        if not partner:
            if not number:
                raise UserError(_('A complaint needs a customer number.'))
            partner = self.env['res.partner']._find_water_customer(number)
            if not partner:
                raise UserError(_('Customer number %s is not in the '
                                  'customer register.') % number)
            vals['partner_id'] = partner.id
        if not vals.get('category_id'):
            raise UserError(_('A complaint needs a category.'))
        category = self.env['helpdesk.ticket.category'].browse(
            vals['category_id'])
        if not category.exists():
            raise UserError(_('Unknown complaint category.'))
        vals.setdefault('address', partner.street or False)
        vals.setdefault('phone', partner.mobile or partner.phone or False)
        vals.setdefault('partner_email', partner.email or False)
        vals.setdefault('partner_name', partner.name)
        if not vals.get('name'):
            vals['name'] = '%s - %s' % (category.name, partner.name)
        return self.create(vals)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _complaint_now(self):
        """Current time; tests and batch jobs pass ``complaint_now``."""
        now = self.env.context.get('complaint_now')
        if now:
            return fields.Datetime.from_string(now) \
                if isinstance(now, str) else now
        return fields.Datetime.from_string(fields.Datetime.now())

    def _complaint_now_str(self):
        return fields.Datetime.to_string(self._complaint_now())

    @api.model
    def _prepare_complaint_vals(self, vals):
        partner = self.env['res.partner'].browse(vals.get('partner_id'))
        if partner and not vals.get('zone_id') and partner.zone_id:
            vals['zone_id'] = partner.zone_id.id
        if partner and vals.get('category_id') and \
                not vals.get('duplicate_of_id'):
            original = self.sudo().search([
                ('partner_id', '=', partner.id),
                ('category_id', '=', vals['category_id']),
                ('stage_id.closed', '=', False),
            ], order='complaint_date, id', limit=1)
            if original:
                vals['duplicate_of_id'] = (original.duplicate_of_id or
                                           original).id
        return vals

    def _follow_original(self):
        """A duplicate is handled by whoever handles the original."""
        for ticket in self:
            original = ticket.sudo().duplicate_of_id
            vals = {}
            if not ticket.team_id and original.team_id:
                vals['team_id'] = original.team_id.id
            if not ticket.user_id and original.user_id:
                vals['user_id'] = original.user_id.id
            if vals:
                ticket.sudo().write(vals)
            original.message_post(body=_(
                'Complaint %s from the same customer was linked as a '
                'duplicate.') % ticket.number)

    def _assign_complaint(self):
        for ticket in self.sudo():
            vals = {}
            team = ticket.team_id
            if not team:
                team = self.env['complaint.assignment.rule'].sudo()._find_team(
                    ticket.zone_id, ticket.category_id)
                if team:
                    vals['team_id'] = team.id
            if team and not ticket.user_id:
                officer = team._pick_officer()
                if officer:
                    vals['user_id'] = officer.id
            if vals:
                ticket.write(vals)

    def _apply_sla_policy(self):
        for ticket in self.sudo():
            policy = self.env['complaint.sla.policy']._find(
                ticket.category_id, ticket.priority)
            if not policy:
                continue
            start = fields.Datetime.from_string(ticket.complaint_date)
            ticket.write({
                'sla_policy_id': policy.id,
                'sla_response_deadline': policy._add_hours(
                    start, policy.response_hours),
                'sla_deadline': policy._add_hours(
                    start, policy.resolution_hours),
            })
            ticket._sla_update_status()

    def _sla_on_stage_change(self, before):
        now = self._complaint_now()
        for ticket in self:
            old, new = before[ticket.id], ticket.stage_id
            vals = {}
            if old.unattended and not new.unattended and \
                    not ticket.first_response_date:
                vals['first_response_date'] = now
            if new.closed:
                vals['closed_date'] = now
            policy = ticket.sla_policy_id
            if policy and ticket.sla_deadline:
                deadline = fields.Datetime.from_string(ticket.sla_deadline)
                if new.sla_pause and not ticket.sla_paused_since:
                    vals['sla_paused_since'] = now
                    vals['sla_remaining_hours'] = policy._hours_between(
                        now, deadline)
                elif not new.sla_pause and ticket.sla_paused_since:
                    vals['sla_paused_since'] = False
                    vals['sla_deadline'] = policy._add_hours(
                        now, max(ticket.sla_remaining_hours, 0.0))
            if vals:
                ticket.write(vals)
            ticket._sla_update_status()

    def _sla_update_status(self):
        """Recompute sla_status at the current time; a breach stays."""
        now = self._complaint_now()
        for ticket in self.sudo():
            policy = ticket.sla_policy_id
            if not policy or not ticket.sla_deadline:
                continue
            if ticket.sla_paused_since and ticket.sla_status != sla.BREACHED:
                continue
            deadline = fields.Datetime.from_string(ticket.sla_deadline)
            closed_at = None
            if ticket.stage_id.closed and ticket.closed_date:
                closed_at = fields.Datetime.from_string(ticket.closed_date)
            moment = closed_at or now
            remaining = policy._hours_between(moment, deadline)
            status = sla.sla_status(
                now, deadline, remaining, policy.resolution_hours,
                policy.at_risk_percent / 100.0,
                previous=ticket.sla_status, closed_at=closed_at)
            if status != ticket.sla_status:
                ticket.write({'sla_status': status})

    def _link_outage(self):
        """Join an open outage of the zone, or open one when enough
        outage-type complaints arrived in the zone within the window."""
        params = self.env['ir.config_parameter'].sudo()
        window = float(params.get_param(
            'customer_complaint.outage_window_hours', 6))
        threshold = int(params.get_param(
            'customer_complaint.outage_threshold', 5))
        Outage = self.env['complaint.outage']
        for ticket in self:
            if ticket.outage_id or not ticket.zone_id or \
                    not ticket.category_id.is_outage_category:
                continue
            outage = Outage.search([('zone_id', '=', ticket.zone_id.id),
                                    ('state', '=', 'open')], limit=1)
            if outage:
                ticket.outage_id = outage
                continue
            moment = fields.Datetime.from_string(ticket.complaint_date)
            candidates = self.search([
                ('zone_id', '=', ticket.zone_id.id),
                ('category_id.is_outage_category', '=', True),
                ('outage_id', '=', False),
                ('stage_id.closed', '=', False),
            ])
            dated = {c.id: fields.Datetime.from_string(c.complaint_date)
                     for c in candidates}
            cluster = window_cluster(dated.values(), moment, window,
                                     threshold)
            if not cluster:
                continue
            since = cluster[0]
            members = candidates.filtered(
                lambda c: since <= dated[c.id] <= moment)
            outage = Outage.create({
                'zone_id': ticket.zone_id.id,
                'date_start': fields.Datetime.to_string(since),
            })
            members.write({'outage_id': outage.id})

    @api.multi
    def _notify_customer_stage_change(self):
        """Tell the customer that the complaint moved to a new stage, with
        the stage's customer template (e-mail)."""
        for ticket in self:
            template = ticket.stage_id.customer_template_id
            if template and ticket.partner_id.email:
                template.sudo().send_mail(ticket.id)
        return True

    @api.multi
    def action_rate(self, rating, comment=None):
        """Record the customer's satisfaction (1-5) on a closed ticket."""
        self.ensure_one()
        if str(rating) not in dict(RATINGS):
            raise UserError(_('The rating must be a number from 1 to 5.'))
        if not self.stage_id.closed:
            raise UserError(_('Complaint %s can only be rated once it is '
                              'closed.') % self.number)
        self.write({'rating': str(rating), 'rating_comment': comment or False})
        return True

    @api.multi
    def _rate_from_web(self, rating, comment):
        """Rating sent by the customer through the link; returns errors."""
        self.ensure_one()
        if self.rating:
            return [_('This complaint has already been rated. Thank you!')]
        try:
            with self.env.cr.savepoint():
                self.action_rate(rating, (comment or '').strip()[:1000])
        except UserError as exc:
            return [exc.name]
        return []

    @api.multi
    def get_rating_url(self):
        """Public address where the customer rates the closed complaint."""
        self.ensure_one()
        base = self.env['ir.config_parameter'].sudo().get_param(
            'web.base.url', '')
        return '%s/pengaduan/nilai/%s' % (base, self.sudo().access_token)

    @api.multi
    def action_view_duplicates(self):
        self.ensure_one()
        action = self.env.ref('helpdesk_mgmt.helpdesk_ticket_action').read()[0]
        action['domain'] = [('duplicate_of_id', '=', self.id)]
        action['context'] = {}
        return action

    @api.model
    def cron_sla_escalate(self, now=None):
        """Refresh SLA statuses of open complaints and escalate at-risk and
        breached ones to their team leader, once per ticket and level."""
        this = self.with_context(complaint_now=now) if now else self
        tickets = this._get_sla_tickets_to_check()
        tickets._sla_update_status()
        escalated = this.env['helpdesk.ticket']
        for ticket in tickets.filtered(
                lambda t: t.sla_status in (sla.AT_RISK, sla.BREACHED)):
            if ticket._escalate(ticket.sla_status):
                escalated |= ticket
        return escalated

    @api.model
    def _get_sla_tickets_to_check(self):
        return self.search([('stage_id.closed', '=', False),
                            ('sla_deadline', '!=', False)])

    def _escalate(self, level):
        """Escalate to the team leader; False when already done."""
        self.ensure_one()
        Escalation = self.env['complaint.escalation'].sudo()
        if Escalation.search_count([('ticket_id', '=', self.id),
                                    ('level', '=', level)]):
            return False
        leader = self.team_id.leader_id
        Escalation.create({
            'ticket_id': self.id,
            'level': level,
            'user_id': leader.id,
            'date': self._complaint_now_str(),
        })
        label = dict(SLA_STATUSES)[level]
        body = _('SLA %s: complaint %s (deadline %s) is escalated to the '
                 'team leader.') % (label, self.number, self.sla_deadline)
        if leader:
            self.message_subscribe_users(leader.ids)
            self._schedule_escalation_activity(leader, body)
        self.message_post(body=body, subtype='mail.mt_note')
        return True

    def _schedule_escalation_activity(self, leader, body):
        self.env['mail.activity'].sudo().create({
            'res_id': self.id,
            'res_model_id': self.env['ir.model']._get(self._name).id,
            'activity_type_id': self.env.ref(
                'mail.mail_activity_data_todo').id,
            'summary': _('SLA escalation %s') % self.number,
            'note': body,
            'user_id': leader.id,
            'date_deadline': fields.Date.to_string(self._complaint_now()),
        })
