from odoo import api, models

from ..tools.terbilang import amount_to_words


class ResCurrency(models.Model):
    _inherit = 'res.currency'

    @api.multi
    def amount_to_text(self, amount):
        """Indonesian words come from our own rules (num2words reads
        1.001.000 as "satu juta satu ribu")."""
        self.ensure_one()
        lang = self.env.context.get('lang') or self.env.user.lang or ''
        if not lang.startswith('id'):
            return super(ResCurrency, self).amount_to_text(amount)
        unit = 'rupiah' if self.name == 'IDR' else (
            self.currency_unit_label or self.name).lower()
        subunit = 'sen' if self.name == 'IDR' else (
            self.currency_subunit_label or 'sen').lower()
        return amount_to_words(amount, unit=unit, subunit=subunit,
                               decimals=self.decimal_places)
