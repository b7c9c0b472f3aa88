import base64
import csv
import datetime
import io

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools.accesslog import count_visits


class VendorBillingVisitImport(models.TransientModel):
    _name = 'vendor.billing.visit.import'
    _description = 'Import visits'

    import_type = fields.Selection([
        ('log', 'Access log (combined log format)'),
        ('csv', 'CSV of daily counts'),
    ], required=True, default='log')
    server_id = fields.Many2one(
        'vendor.billing.server',
        help="Server the access log comes from (a CSV names its servers).")
    data_file = fields.Binary(string='File', required=True)
    filename = fields.Char()
    result = fields.Text(readonly=True)
    state = fields.Selection([('draft', 'Draft'), ('done', 'Done')],
                             default='draft')

    def _content(self):
        if not self.data_file:
            raise UserError(_('Choose a file to import.'))
        return base64.b64decode(self.data_file)

    @api.multi
    def action_import(self):
        self.ensure_one()
        if self.import_type == 'log':
            message = self._import_log()
        else:
            message = self._import_csv()
        self.write({'result': message, 'state': 'done'})
        return {
            'type': 'ir.actions.act_window', 'res_model': self._name,
            'res_id': self.id, 'view_mode': 'form', 'target': 'new',
        }

    def _import_log(self):
        if not self.server_id:
            raise UserError(_('Choose the server the access log comes from.'))
        result = count_visits(io.BytesIO(self._content()))
        if not result.requests:
            raise UserError(_(
                'No line of this file is in the combined log format '
                '(%d lines read, %d unreadable).') % (result.lines,
                                                      result.garbage))
        self.env['vendor.billing.visit']._set_counts(
            self.server_id, 'log', result.visits)
        message = _('%d lines read, %d requests, %d visits on %d days; '
                    '%d unreadable lines skipped.') % (
            result.lines, result.requests, sum(result.visits.values()),
            len(result.visits), result.garbage)
        if result.garbage_samples:
            message += '\n' + _('Unreadable lines:') + '\n' + '\n'.join(
                '%d: %s' % sample for sample in result.garbage_samples)
        return message

    def _import_csv(self):
        """Columns: date (YYYY-MM-DD), server (code or name), visits."""
        text = self._content().decode('utf-8-sig', 'replace')
        Server = self.env['vendor.billing.server']
        rows = list(csv.reader(io.StringIO(text)))
        if rows and rows[0] and not rows[0][0][:1].isdigit():
            rows = rows[1:]
        counts = {}
        servers = {}
        for number, row in enumerate(rows, 1):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < 3:
                raise UserError(_('Line %d: expected date, server, visits.')
                                % number)
            try:
                day = datetime.datetime.strptime(row[0].strip(), '%Y-%m-%d').date()
                visits = int(row[2].strip())
            except ValueError:
                raise UserError(_('Line %d: "%s" is not a date YYYY-MM-DD and '
                                  'a whole number of visits.') % (
                                      number, ','.join(row)))
            if visits < 0:
                raise UserError(_('Line %d: a number of visits cannot be '
                                  'negative.') % number)
            key = row[1].strip()
            if key not in servers:
                server = Server.search(['|', ('code', '=', key),
                                        ('name', '=', key)], limit=1)
                if not server:
                    raise UserError(_('Line %d: unknown server "%s".')
                                    % (number, key))
                servers[key] = server
            counts.setdefault(servers[key], {})[day] = visits
        if not counts:
            raise UserError(_('The file has no rows to import.'))
        for server, days in counts.items():
            self.env['vendor.billing.visit']._set_counts(server, 'csv', days)
        return _('%d daily counts imported for %d servers.') % (
            sum(len(d) for d in counts.values()), len(counts))
