import base64
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.res_partner import TARIFF_GROUPS
from ..tools.customer_csv import parse_customers

_logger = logging.getLogger(__name__)
MAX_ERRORS_SHOWN = 20
CHUNK = 2000


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
        codes = sorted({r['zone_code'] for r in rows if r['zone_code']})
        zones = {z.code: z.id for z in self.env['complaint.zone'].search(
            [('code', 'in', codes)])} if codes else {}
        existing = self._existing_customers(
            [r['customer_number'] for r in rows])
        for row in rows:
            if row['zone_code'] and row['zone_code'] not in zones:
                errors.append((row['line'], 'unknown_zone'))
            elif row['customer_number'] in existing and \
                    not self.update_existing:
                errors.append((row['line'], 'exists'))
        if not rows and not errors:
            raise UserError(_('The file has no customer rows.'))
        if errors:
            self._raise_errors(errors)
        created, updated = self._write_customers(rows, zones, existing)
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

    def _raise_errors(self, errors):
        errors.sort()
        lines = [_('line %s: %s') % (line, self._error_text(code))
                 for line, code in errors[:MAX_ERRORS_SHOWN]]
        more = len(errors) - MAX_ERRORS_SHOWN
        if more > 0:
            lines.append(_('... and %d more') % more)
        raise UserError(_('Nothing was imported. Correct the file:\n%s')
                        % '\n'.join(lines))

    def _existing_customers(self, numbers):
        """{customer number: partner id} of the numbers already in the
        database, archived partners included."""
        existing = {}
        for start in range(0, len(numbers), CHUNK):
            self.env.cr.execute(
                'SELECT customer_number, id FROM res_partner '
                'WHERE customer_number IN %s',
                (tuple(numbers[start:start + CHUNK]),))
            existing.update(self.env.cr.fetchall())
        return existing

    @staticmethod
    def _row_values(row, zones):
        """The file's columns of one row, as res.partner column values."""
        return {
            'customer_number': row['customer_number'],
            'name': row['name'],
            'meter_number': row['meter_number'] or None,
            'tariff_group': row['tariff_group'] or None,
            'zone_id': zones.get(row['zone_code']),
            'street': row['street'] or None,
            'city': row['city'] or None,
            'phone': row['phone'] or None,
            'mobile': row['mobile'] or None,
            'email': row['email'] or None,
        }

    @staticmethod
    def _standalone_computed(name):
        """Stored computed fields of a partner without parent, company
        name, children or users, as the ORM computes them."""
        return {
            'display_name': (name or '').replace('\n\n', '\n')
                                        .replace('\n\n', '\n'),
            'commercial_company_name': None,
            'partner_share': True,
            'is_water_customer': True,
        }

    @staticmethod
    def _insert_defaults(Partner):
        """Column values that create() gives a new partner when the file
        does not: defaults (context language and time zone, user
        defaults, company...), customer flag, every other stored boolean
        False."""
        fields_ = Partner._fields
        names = [name for name, field in fields_.items()
                 if field.store and field.column_type and not field.compute
                 and name not in models.MAGIC_COLUMNS]
        defaults = Partner.default_get(names)
        defaults['customer'] = True
        values = {}
        for name in names:
            field = fields_[name]
            if name in defaults:
                values[name] = field.convert_to_column(defaults[name],
                                                       Partner)
            elif field.type == 'boolean':
                values[name] = False
        for name, field in fields_.items():
            if field.store and field.compute and field.type == 'boolean':
                values[name] = False
        return values

    def _upsert_query(self, columns, updated_columns):
        if not self.update_existing:
            action = 'NOTHING'
        else:
            # Only partners standing alone are updated here; contacts of
            # a company, companies and partners of users go through
            # write() so that their dependants follow.
            action = '''UPDATE SET {sets}
                WHERE res_partner.parent_id IS NULL
                  AND res_partner.company_name IS NULL
                  AND NOT COALESCE(res_partner.is_company, false)
                  AND NOT EXISTS (SELECT 1 FROM res_partner c
                                  WHERE c.parent_id = res_partner.id)
                  AND NOT EXISTS (SELECT 1 FROM res_users u
                                  WHERE u.partner_id = res_partner.id)
            '''.format(sets=', '.join('"%s" = EXCLUDED."%s"' % (c, c)
                                      for c in updated_columns))
        return '''
            INSERT INTO res_partner ({columns}) VALUES {{values}}
            ON CONFLICT (customer_number) DO {action}
            RETURNING id, customer_number, xmax = 0
        '''.format(columns=', '.join('"%s"' % c for c in columns),
                   action=action)

    def _write_customers(self, rows, zones, existing):
        """Create or update the customers of ``rows`` in bulk: one
        INSERT ... ON CONFLICT (customer_number) per chunk, then the
        cache invalidation, recomputation, constraints and access checks
        of create()/write(). ``existing`` maps the numbers already
        registered to their partner. Returns (created, updated)."""
        Partner = self.env['res.partner'].with_context(
            tracking_disable=True, mail_create_nolog=True,
            mail_notrack=True, install_mode=True)
        Partner.check_access_rights('create')
        Partner.check_access_rights('write')
        cr = self.env.cr
        defaults = self._insert_defaults(Partner)
        file_columns = list(self._row_values(rows[0], zones))
        computed = list(self._standalone_computed(''))
        commercial = ['commercial_partner_id', 'commercial_partner_country_id']
        own = set(file_columns + computed + commercial)
        other = [c for c in defaults if c not in own]
        columns = (['id'] + file_columns + computed + commercial + other +
                   ['create_uid', 'write_uid', 'create_date', 'write_date'])
        query = self._upsert_query(
            columns, file_columns + ['display_name', 'write_uid',
                                     'write_date'])
        template = '(%s)' % ', '.join(['%s'] * len(columns))
        country = defaults.get('country_id')
        other_values = [defaults[c] for c in other]
        uid = self.env.uid
        cr.execute("SELECT now() AT TIME ZONE 'UTC'")
        now = cr.fetchone()[0]
        new_ids, updated_ids, done = [], [], set()
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            # New rows get their id now (it is also their commercial
            # partner); rows that exist keep theirs.
            missing = sum(1 for row in chunk
                          if row['customer_number'] not in existing)
            cr.execute("SELECT nextval('res_partner_id_seq') "
                       "FROM generate_series(1, %s)", (missing,))
            fresh = iter([r[0] for r in cr.fetchall()])
            ids = [existing.get(row['customer_number']) or next(fresh)
                   for row in chunk]
            values = []
            for new_id, row in zip(ids, chunk):
                vals = self._row_values(row, zones)
                vals.update(self._standalone_computed(vals['name']))
                values.append(cr.mogrify(template, (
                    [new_id] + [vals[c] for c in file_columns + computed] +
                    [new_id, country] + other_values +
                    [uid, uid, now, now])).decode('utf-8'))
            cr.execute(query.replace('{values}', ', '.join(values)))
            for partner_id, number, inserted in cr.fetchall():
                (new_ids if inserted else updated_ids).append(partner_id)
                done.add(number)
        Partner.invalidate_cache()
        new = Partner.browse(new_ids)
        updated = Partner.browse(updated_ids)
        # Mark what create() and write() mark: every field of the new
        # partners, the file's fields of the updated ones...
        new.modified(list(Partner._fields))
        updated.modified(file_columns)
        # ... less what was written above ...
        for name in computed + commercial + ['activity_date_deadline']:
            field = Partner._fields.get(name)
            if field:
                (new | updated)._recompute_done(field)
        # ... and recompute the rest (other addons' fields, dependants).
        Partner.recompute()
        new._validate_fields(set(defaults) | set(file_columns))
        updated._validate_fields(file_columns)
        new.check_access_rule('create')
        updated.check_access_rule('write')
        others = [r for r in rows if r['customer_number'] not in done]
        if others and not self.update_existing:
            raise UserError(_(
                'Nothing was imported: customer number %s was registered '
                'by someone else meanwhile.') % others[0]['customer_number'])
        # Partners that are not standalone (see _upsert_query).
        linked = self._existing_customers(
            [r['customer_number'] for r in others]) if others else {}
        for row in others:
            vals = self._row_values(row, zones)
            Partner.browse(linked[row['customer_number']]).write(
                {k: False if v is None else v for k, v in vals.items()})
        return len(new_ids), len(updated_ids) + len(others)
