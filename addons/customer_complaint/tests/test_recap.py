from .common import ComplaintCase


class TestRecap(ComplaintCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Clean slate for March 2025 in this database.
        cls.env['helpdesk.ticket'].search([
            ('complaint_date', '>=', '2025-03-01'),
            ('complaint_date', '<', '2025-04-01')]).unlink()

    def _close(self, ticket, when):
        ticket.with_context(complaint_now=when).write({'stage_id': self.stage_done.id})

    def test_month_figures(self):
        p2 = self.Partner.create({'name': 'X', 'customer_number': '93001',
                                  'zone_id': self.zone_b.id})
        on_time = self.file(date='2025-03-03 02:00:00')
        late = self.file(partner=p2, date='2025-03-03 02:00:00')
        still_open = self.file(category=self.cat_bill, date='2025-03-10 02:00:00')
        self.file(date='2025-04-02 02:00:00', partner=self.customer_b,
                  category=self.cat_bill)
        on_time.with_context(complaint_now='2025-03-03 04:00:00').write(
            {'stage_id': self.stage_progress.id})
        self._close(on_time, '2025-03-03 12:00:00')
        self._close(late, '2025-03-05 02:00:00')
        self.assertEqual(late.sla_status, 'breached')
        on_time.action_rate(4)
        dashboard = self.env['complaint.recap.dashboard'].sudo(self.supervisor).create(
            {'year': 2025, 'month': '3'})
        fig = dashboard.get_figures()
        self.assertEqual(fig['month_label'], 'Maret 2025')
        self.assertEqual(fig['total'], 3)
        self.assertEqual(fig['handled'], 2)
        self.assertEqual(fig['backlog'], 1)
        self.assertEqual(fig['handled_pct'], 66.7)
        self.assertFalse(fig['meets_target'])
        self.assertEqual(fig['within_sla_pct'], 50.0)
        # The late one got its first response when it was closed, at 48 h.
        self.assertEqual(fig['response_hours'], 25.0)
        self.assertEqual(fig['resolution_hours'], 29.0)  # (10 + 48) / 2
        self.assertEqual(fig['rating'], 4.0)
        self.assertEqual(dashboard.total, 3)
        self.assertAlmostEqual(dashboard.handled_pct, 66.7)
        by_zone = dict(fig['dimensions'])
        zones = {line['name']: line['total'] for line in by_zone[list(by_zone)[1]]}
        self.assertEqual(zones, {'Zona Uji A': 2, 'Zona Uji B': 1})
        self.assertTrue(sum(count for _b, count in fig['backlog_ages']) >= 1)
        self.assertTrue(still_open.exists())

    def test_read_group_by_month(self):
        self.file(date='2025-03-03 02:00:00')
        groups = self.env['complaint.recap'].read_group(
            [('complaint_date', '>=', '2025-03-01'), ('complaint_date', '<', '2025-04-01')],
            ['category_id', 'nbr', 'handled_rate', 'within_sla_rate'], ['category_id'])
        self.assertEqual(sum(g['nbr'] for g in groups), 1)
        self.assertEqual(groups[0]['handled_rate'], 0.0)

    def test_exports(self):
        self.file(date='2025-03-03 02:00:00')
        dashboard = self.env['complaint.recap.dashboard'].create({'year': 2025, 'month': '3'})
        xlsx, kind = self.env.ref(
            'customer_complaint.complaint_recap_report_xlsx').render_xlsx(dashboard.ids, {})
        self.assertEqual(kind, 'xlsx')
        self.assertEqual(xlsx[:2], b'PK')
        html, _kind = self.env.ref(
            'customer_complaint.complaint_recap_report_pdf').render_qweb_html(dashboard.ids)
        self.assertIn(b'Maret 2025', html)
        action = dashboard.action_open_pivot()
        self.assertEqual(action['res_model'], 'complaint.recap')
        self.assertIn(('complaint_date', '>=', '2025-03-01 00:00:00'), action['domain'])

    def test_month_column_follows_the_date(self):
        ticket = self.file(date='2025-03-31 20:00:00')
        Recap = self.env['complaint.recap']
        row = Recap.search([('ticket_id', '=', ticket.id)])
        self.assertEqual(row.month, '2025-03-01')
        ticket.write({'complaint_date': '2025-05-01 01:00:00'})
        Recap.invalidate_cache()
        self.assertEqual(row.month, '2025-05-01')
        groups = Recap.read_group([('ticket_id', '=', ticket.id)],
                                  ['month', 'nbr'], ['month:month'])
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]['nbr'], 1)

    def test_lookup_tables_analyzed(self):
        self.env['complaint.recap']._analyze_lookup_tables()
        self.env.cr.execute(
            "SELECT reltuples FROM pg_class WHERE relname = "
            "'helpdesk_ticket_category'")
        self.assertGreaterEqual(self.env.cr.fetchone()[0], 2)
