from odoo import api, fields, models, tools

from ..tools.recap import age_bucket_sql
from .helpdesk_ticket import SLA_STATUSES
from .complaint_sla_policy import PRIORITIES

STATES = [('open', 'Open'), ('closed', 'Closed')]
SLA_RESULTS = [
    ('met', 'Met'),
    ('breached', 'Breached'),
    ('running', 'Open, within SLA'),
    ('none', 'No SLA'),
]


class ComplaintRecap(models.Model):
    """One row per complaint with the figures of the monthly recap;
    averages of the *_rate fields are percentages."""
    _name = 'complaint.recap'
    _description = 'Complaint Recap'
    _auto = False
    _rec_name = 'number'
    _order = 'complaint_date desc'

    number = fields.Char(readonly=True)
    ticket_id = fields.Many2one('helpdesk.ticket', readonly=True)
    complaint_date = fields.Datetime(string='Reported On', readonly=True)
    month = fields.Date(readonly=True)
    category_id = fields.Many2one('helpdesk.ticket.category', readonly=True)
    zone_id = fields.Many2one('complaint.zone', readonly=True)
    channel_id = fields.Many2one('helpdesk.ticket.channel', readonly=True)
    team_id = fields.Many2one('helpdesk.ticket.team', readonly=True)
    user_id = fields.Many2one('res.users', string='Officer', readonly=True)
    stage_id = fields.Many2one('helpdesk.ticket.stage', readonly=True)
    priority = fields.Selection(PRIORITIES, readonly=True)
    sla_status = fields.Selection(SLA_STATUSES, readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    is_closed = fields.Boolean(string='Closed', readonly=True)
    state = fields.Selection(STATES, string='Status', readonly=True)
    sla_result = fields.Selection(
        SLA_RESULTS, string='SLA Result', readonly=True,
        help='Met or breached once closed (a breach stays a breach); open '
             'complaints not yet breached are still within their SLA.')
    nbr = fields.Integer(string='Complaints', readonly=True)
    handled_count = fields.Integer(string='Handled', readonly=True)
    backlog_count = fields.Integer(string='Backlog', readonly=True)
    breached_count = fields.Integer(string='Breached', readonly=True)
    handled_rate = fields.Float(string='Handled (%)', readonly=True,
                                group_operator='avg')
    within_sla_rate = fields.Float(string='Resolved Within SLA (%)',
                                   readonly=True, group_operator='avg')
    response_hours = fields.Float(string='Avg. Response (h)', readonly=True,
                                  group_operator='avg')
    resolution_hours = fields.Float(string='Avg. Resolution (h)',
                                    readonly=True, group_operator='avg')
    rating_avg = fields.Float(string='Avg. Rating', readonly=True,
                              group_operator='avg')
    age_days = fields.Integer(string='Age (days)', readonly=True,
                              group_operator='max')
    age_bucket = fields.Selection([
        ('0-1', '0-1 days'), ('2-3', '2-3 days'), ('4-7', '4-7 days'),
        ('8-30', '8-30 days'), ('>30', 'Over 30 days'),
    ], string='Backlog Age', readonly=True)

    def _query(self):
        age = ("CASE WHEN NOT COALESCE(s.closed, false) THEN "
               "(now() AT TIME ZONE 'UTC')::date - t.complaint_date::date END")
        return """
            SELECT t.id AS id, t.id AS ticket_id, t.number AS number,
                t.complaint_date AS complaint_date,
                t.complaint_month AS month,
                t.category_id, t.zone_id, t.channel_id, t.team_id,
                t.user_id, t.stage_id, t.priority, t.sla_status,
                t.company_id,
                COALESCE(s.closed, false) AS is_closed,
                CASE WHEN s.closed THEN 'closed' ELSE 'open' END AS state,
                CASE WHEN t.sla_deadline IS NULL THEN 'none'
                     WHEN t.sla_status = 'breached' THEN 'breached'
                     WHEN NOT COALESCE(s.closed, false) THEN 'running'
                     WHEN t.closed_date <= t.sla_deadline THEN 'met'
                     ELSE 'breached'
                END AS sla_result,
                1 AS nbr,
                CASE WHEN s.closed THEN 1 ELSE 0 END AS handled_count,
                CASE WHEN s.closed THEN 0 ELSE 1 END AS backlog_count,
                CASE WHEN t.sla_status = 'breached' THEN 1 ELSE 0 END
                    AS breached_count,
                CASE WHEN s.closed THEN 100.0 ELSE 0.0 END AS handled_rate,
                CASE WHEN s.closed AND t.sla_deadline IS NOT NULL THEN
                    CASE WHEN t.sla_status <> 'breached'
                          AND t.closed_date <= t.sla_deadline
                         THEN 100.0 ELSE 0.0 END
                END AS within_sla_rate,
                EXTRACT(EPOCH FROM t.first_response_date - t.complaint_date)
                    / 3600.0 AS response_hours,
                CASE WHEN s.closed THEN
                    EXTRACT(EPOCH FROM t.closed_date - t.complaint_date)
                    / 3600.0 END AS resolution_hours,
                t.rating::float AS rating_avg,
                %(age)s AS age_days,
                CASE WHEN NOT COALESCE(s.closed, false) THEN %(bucket)s END
                    AS age_bucket
            FROM helpdesk_ticket t
            LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
        """ % {'age': age, 'bucket': age_bucket_sql(age)}

    GROUPABLE = ('category_id', 'zone_id', 'channel_id', 'team_id', 'month')

    def _figures(self, date_from, date_to, groupby=None):
        """Recap figures of complaints reported in [date_from, date_to),
        in total or per ``groupby`` (one of GROUPABLE), as dicts."""
        if groupby and groupby not in self.GROUPABLE:
            raise ValueError('cannot group the recap by %s' % groupby)
        key = groupby or 'NULL'
        self.env.cr.execute('''
            SELECT %s AS key, count(*) AS total,
                   sum(handled_count) AS handled,
                   sum(backlog_count) AS backlog,
                   sum(breached_count) AS breached,
                   avg(within_sla_rate) AS within_sla_pct,
                   avg(handled_rate) AS handled_pct,
                   avg(response_hours) AS response_hours,
                   avg(resolution_hours) AS resolution_hours,
                   avg(rating_avg) AS rating
            FROM complaint_recap
            WHERE complaint_date >= %%s AND complaint_date < %%s
              AND (company_id IS NULL OR company_id IN %%s)
            GROUP BY 1 ORDER BY 2 DESC
        ''' % key, (date_from, date_to, tuple(self.env.user.company_ids.ids)))
        return self.env.cr.dictfetchall()

    def _backlog_by_age(self):
        """Open complaints per age bucket, today."""
        self.env.cr.execute('''
            SELECT age_bucket, count(*) FROM complaint_recap
            WHERE NOT is_closed
              AND (company_id IS NULL OR company_id IN %s)
            GROUP BY age_bucket
        ''', (tuple(self.env.user.company_ids.ids),))
        return dict(self.env.cr.fetchall())

    # Tables joined to the recap rows (by the view or by read_group for
    # ordering); they hold a few rows and are seldom written, so the
    # autovacuum never analyzes them and the planner takes them for
    # hundreds of rows, expects one group per ticket and sorts 100,000
    # rows on disk instead of hashing a few hundred groups.
    LOOKUP_TABLES = ('helpdesk_ticket_category', 'helpdesk_ticket_stage',
                     'helpdesk_ticket_channel', 'helpdesk_ticket_team',
                     'complaint_zone')

    @api.model
    def _analyze_lookup_tables(self):
        for table in self.LOOKUP_TABLES:
            self.env.cr.execute('ANALYZE %s' % table)

    def init(self):
        cr = self.env.cr
        tools.drop_view_if_exists(cr, self._table)
        # The month of each complaint kept by PostgreSQL on the ticket
        # (whatever writes the ticket): the recap groups on a plain
        # column, with its own statistics (a few dozen distinct months),
        # instead of truncating every date of every query.
        cr.execute('''
            ALTER TABLE helpdesk_ticket ADD COLUMN IF NOT EXISTS
                complaint_month date GENERATED ALWAYS AS
                    (date_trunc('month', complaint_date)::date) STORED
        ''')
        cr.execute('CREATE OR REPLACE VIEW %s AS (%s)'
                   % (self._table, self._query()))
