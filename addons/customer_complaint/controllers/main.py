import hmac

from odoo import http
from odoo.http import request


class ComplaintForm(http.Controller):
    """Public complaint form for customers without WhatsApp."""

    def _env(self):
        lang = request.env['res.lang'].sudo().search(
            [('code', '=', 'id_ID'), ('active', '=', True)], limit=1)
        if lang:
            return request.env(context=dict(request.env.context,
                                            lang='id_ID'))
        return request.env

    def _render_form(self, env, values=None, errors=None):
        categories = env['helpdesk.ticket.category'].sudo().search(
            [('public', '=', True)], order='name')
        return request.render('customer_complaint.complaint_form_page', {
            'categories': categories,
            'values': values or {},
            'errors': errors or [],
        })

    @http.route('/pengaduan', type='http', auth='public', methods=['GET'])
    def complaint_form(self, **kwargs):
        return self._render_form(self._env())

    @http.route('/pengaduan', type='http', auth='public', methods=['POST'])
    def complaint_submit(self, **post):
        env = self._env()
        photo = post.pop('photo', None)
        post.pop('csrf_token', None)
        photo_data = photo_name = None
        if photo is not None and getattr(photo, 'filename', None):
            max_bytes = env['complaint.web.submission'].sudo()._photo_max_bytes()
            photo_data = photo.read(max_bytes + 1)
            photo_name = photo.filename
        # The processing checks customer number + phone against the
        # register before anything is written; it runs as superuser because
        # the visitor is anonymous.
        ticket, errors = env['complaint.web.submission'].sudo()._process(
            post, request.httprequest.remote_addr, photo_data, photo_name)
        if errors:
            return self._render_form(env, post, errors)
        return request.render('customer_complaint.complaint_form_done', {
            'number': ticket.number,
        })

    def _ticket_by_token(self, token):
        token = token or ''
        if len(token) != 32:
            return request.env['helpdesk.ticket']
        ticket = request.env['helpdesk.ticket'].sudo().search(
            [('access_token', '=', token)], limit=1)
        if ticket and hmac.compare_digest(ticket.access_token, token):
            return ticket
        return request.env['helpdesk.ticket']

    @http.route('/pengaduan/nilai/<string:token>', type='http',
                auth='public', methods=['GET', 'POST'])
    def complaint_rating(self, token, **post):
        env = self._env()
        ticket = self._ticket_by_token(token)
        if not ticket:
            return request.not_found()
        ticket = ticket.with_env(env(user=ticket.env.uid))
        values = {'ticket': ticket, 'errors': [], 'done': False}
        if request.httprequest.method == 'POST':
            errors = ticket._rate_from_web(post.get('rating'),
                                           post.get('comment'))
            values.update(errors=errors, done=not errors)
        return request.render('customer_complaint.complaint_rating_page',
                              values)
