import base64
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.res_partner import TARIFF_GROUPS
from ..tools.customer_csv import parse_customers

_logger = logging.getLogger(__name__)
MAX_ERRORS_SHOWN = 20


class ComplaintCustomerImport(models.TransientModel):
    _name = 'complaint.customer.import'
    _description = 'Import Water Customers'

    file = fields.Binary(string='CSV File', required=True)
    filename = fields.Char()
    update_existing = fields.Boolean(
        default=True, help='Update customers whose number already exists; '
                           'otherwise such rows are errors.')
    created_count = fields.Integer(readonly=True)
    updated_count = fields.Integer(readonly=True)
    state = fields.Selection([('draft', 'Draft'), ('done', 'Done')],
                             default='draft')

    def _error_text(self, code):
        texts = {
            'not_utf8': _('the file is not UTF-8 text'),
            'bad_customer_number': _('the customer number must be digits '
                                     '(at most 10)'),
            'duplicate_customer_number': _('the customer number appears '
                                           'twice in the file'),
            'missing_name': _('the name is empty'),
            'bad_tariff_group': _('unknown tariff group'),
            'bad_phone': _('the phone number is not valid'),
            'bad_mobile': _('the mobile number is not valid'),
            'unknown_zone': _('unknown zone code'),
            'exists': _('the customer number already exists'),
        }
        if code.startswith('missing_columns:'):
            return _('missing columns: %s') % code.split(':', 1)[1]
        return texts.get(code, code)

    @api.multi
    def action_import(self):
        self.ensure_one()
        content = base64.b64decode(self.file or b'')
        rows, errors = parse_customers(content, dict(TARIFF_GROUPS))
        zones = {z.code: z.id for z in self.env['complaint.zone'].search([])}
        existing = {}
        numbers = [r['customer_number'] for r in rows]
        for chunk in range(0, len(numbers), 5000):
            for rec in self.env['res.partner'].with_context(
                    active_test=False).search_read(
                    [('customer_number', 'in', numbers[chunk:chunk + 5000])],
                    ['customer_number']):
                existing[rec['customer_number']] = rec['id']
        for row in rows:
            if row['zone_code'] and row['zone_code'] not in zones:
                errors.append((row['line'], 'unknown_zone'))
            elif row['customer_number'] in existing and \
                    not self.update_existing:
                errors.append((row['line'], 'exists'))
        if not rows and not errors:
            raise UserError(_('The file has no customer rows.'))
        if errors:
            errors.sort()
            lines = [_('line %s: %s') % (line, self._error_text(code))
                     for line, code in errors[:MAX_ERRORS_SHOWN]]
            more = len(errors) - MAX_ERRORS_SHOWN
            if more > 0:
                lines.append(_('... and %d more') % more)
            raise UserError(_('Nothing was imported. Correct the file:\n%s')
                            % '\n'.join(lines))
        Partner = self.env['res.partner'].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True,
            install_mode=True)
        created = updated = 0
        for row in rows:
            vals = {
                'customer_number': row['customer_number'],
                'name': row['name'],
                'meter_number': row['meter_number'] or False,
                'tariff_group': row['tariff_group'] or False,
                'zone_id': zones.get(row['zone_code'], False),
                'street': row['street'] or False,
                'city': row['city'] or False,
                'phone': row['phone'] or False,
                'mobile': row['mobile'] or False,
                'email': row['email'] or False,
            }
            partner_id = existing.get(row['customer_number'])
            if partner_id:
                Partner.browse(partner_id).write(vals)
                updated += 1
            else:
                Partner.create(dict(vals, customer=True))
                created += 1
        _logger.info('Customer import: %d created, %d updated', created,
                     updated)
        self.write({'state': 'done', 'created_count': created,
                    'updated_count': updated})
        return {
            'type': 'ir.actions.act_window',
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'new',
        }
