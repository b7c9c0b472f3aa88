"""Reading the customer register from CSV."""
import csv
import io

from .validation import normalize_customer_number, normalize_phone

REQUIRED = ('customer_number', 'name')
KNOWN = ('customer_number', 'name', 'meter_number', 'tariff_group',
         'zone_code', 'street', 'city', 'phone', 'mobile', 'email')


def parse_customers(content, tariff_codes):
    """Parse CSV bytes/text. Returns (rows, errors); rows are dicts with
    normalised values, errors are (line_number, message) tuples."""
    if isinstance(content, bytes):
        try:
            content = content.decode('utf-8-sig')
        except UnicodeDecodeError:
            return [], [(0, 'not_utf8')]
    sample = content[:4096]
    delimiter = ';' if sample.count(';') > sample.count(',') else ','
    reader = csv.DictReader(io.StringIO(content), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [(1, 'missing_columns:' + ','.join(missing))]
    reader.fieldnames = header
    rows, errors, seen = [], [], {}
    for index, raw in enumerate(reader, start=2):
        row = {k: (raw.get(k) or '').strip() for k in KNOWN}
        number = normalize_customer_number(row['customer_number'])
        if not number:
            errors.append((index, 'bad_customer_number'))
            continue
        if number in seen:
            errors.append((index, 'duplicate_customer_number'))
            continue
        if not row['name']:
            errors.append((index, 'missing_name'))
            continue
        if row['tariff_group'] and row['tariff_group'] not in tariff_codes:
            errors.append((index, 'bad_tariff_group'))
            continue
        for key in ('phone', 'mobile'):
            if row[key]:
                phone = normalize_phone(row[key])
                if not phone:
                    errors.append((index, 'bad_' + key))
                    break
                row[key] = phone
        else:
            row['customer_number'] = number
            row['line'] = index
            seen[number] = index
            rows.append(row)
    return rows, errors
