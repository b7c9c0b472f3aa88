import base64
import io
import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.validation import check_photo, image_mimetype, phones_match

_logger = logging.getLogger(__name__)


class ComplaintWebSubmission(models.Model):
    """One attempt on the public complaint form, kept for rate limiting."""
    _name = 'complaint.web.submission'
    _description = 'Public Complaint Form Submission'
    _order = 'date desc, id desc'

    remote_addr = fields.Char(string='Address', required=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now,
                           index=True)
    ticket_id = fields.Many2one('helpdesk.ticket', ondelete='set null')

    @api.model
    def _is_limited(self, remote_addr, now=None):
        """True when this address reached the limit of attempts per hour."""
        params = self.env['ir.config_parameter'].sudo()
        limit = int(params.get_param('customer_complaint.form_rate_limit', 5))
        now = now or fields.Datetime.from_string(fields.Datetime.now())
        since = fields.Datetime.to_string(now - timedelta(hours=1))
        count = self.search_count([('remote_addr', '=', remote_addr),
                                   ('date', '>', since)])
        return count >= limit

    @api.model
    def _photo_max_bytes(self):
        return int(self.env['ir.config_parameter'].sudo().get_param(
            'customer_complaint.photo_max_bytes', 5 * 1024 * 1024))

    @api.model
    def _check_photo(self, data):
        """Error message for a bad photo, or None."""
        max_bytes = self._photo_max_bytes()
        error = check_photo(data, max_bytes)
        if error == 'too_large':
            return _('The photo is larger than %.1f MB.') % (
                max_bytes / 1024.0 / 1024.0)
        if error:
            return _('The photo must be a JPEG, PNG or GIF image.')
        try:
            from PIL import Image
            Image.open(io.BytesIO(data)).verify()
        except Exception:  # any decoding failure means "not an image"
            return _('The photo must be a JPEG, PNG or GIF image.')
        return None

    @api.model
    def _process(self, post, remote_addr, photo_data=None, photo_name=None):
        """Validate a public form submission and file the complaint.

        Returns (ticket, errors); errors are (field, message) pairs. With
        errors nothing but the attempt (for rate limiting) is stored."""
        Ticket = self.env['helpdesk.ticket']
        if self._is_limited(remote_addr):
            _logger.warning('Complaint form: rate limit reached for %s',
                            remote_addr)
            return Ticket, [('rate_limit', _(
                'Too many submissions from your address. Please try again '
                'in an hour.'))]
        attempt = self.create({'remote_addr': remote_addr})
        errors = []
        number = (post.get('customer_number') or '').strip()
        phone = (post.get('phone') or '').strip()
        partner = self.env['res.partner']._find_water_customer(number)
        if not number:
            errors.append(('customer_number',
                           _('Enter your customer number.')))
        elif not partner:
            errors.append(('customer_number', _(
                'Customer number %s is not in our customer register.')
                % number))
        elif not (phones_match(phone, partner.mobile) or
                  phones_match(phone, partner.phone)):
            errors.append(('phone', _(
                'The phone number does not match the one registered for '
                'this customer number.')))
        category = self.env['helpdesk.ticket.category']
        try:
            category = category.browse(int(post.get('category_id') or 0))
        except ValueError:
            pass
        if not category.exists() or not category.public or \
                not category.active:
            errors.append(('category_id', _('Choose a complaint category.')))
        description = (post.get('description') or '').strip()
        if not description:
            errors.append(('description', _('Describe the problem.')))
        elif len(description) > 4000:
            errors.append(('description', _(
                'The description is too long (at most 4000 characters).')))
        latitude = longitude = 0.0
        if post.get('latitude') or post.get('longitude'):
            try:
                latitude = float(post.get('latitude'))
                longitude = float(post.get('longitude'))
            except (TypeError, ValueError):
                errors.append(('location', _('The location is not valid.')))
        if photo_data is not None:
            error = self._check_photo(photo_data)
            if error:
                errors.append(('photo', error))
        if errors:
            return Ticket, errors
        vals = {
            'partner_id': partner.id,
            'category_id': category.id,
            'channel_id': self.env.ref('customer_complaint.channel_web').id,
            'description': description,
            'phone': phone,
        }
        if post.get('address'):
            vals['address'] = post['address'].strip()[:250]
        if latitude or longitude:
            vals.update(latitude=latitude, longitude=longitude)
        try:
            with self.env.cr.savepoint():
                ticket = Ticket.create_complaint(vals)
        except (UserError, ValidationError) as exc:
            return Ticket, [('other', exc.name)]
        if photo_data:
            self.env['ir.attachment'].create({
                'name': photo_name or 'foto',
                'datas_fname': photo_name or 'foto',
                'datas': base64.b64encode(photo_data),
                'mimetype': image_mimetype(photo_data),
                'res_model': 'helpdesk.ticket',
                'res_id': ticket.id,
            })
        attempt.ticket_id = ticket
        return ticket, []

    @api.model
    def cron_purge(self, days=7):
        since = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) -
            timedelta(days=days))
        self.search([('date', '<', since)]).unlink()
