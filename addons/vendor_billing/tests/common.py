from odoo.tests.common import SavepointCase


class VendorBillingCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(VendorBillingCase, cls).setUpClass()
        # messages are asserted in English whatever the database's language
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US'))
        env = cls.env
        cls.company = env.user.company_id
        Users = env['res.users'].with_context(no_reset_password=True)
        cls.user = Users.create({
            'name': 'VB User', 'login': 'vb_user', 'email': 'u@example.com',
            'groups_id': [(6, 0, [env.ref('vendor_billing.group_vendor_billing_user').id])]})
        cls.officer = Users.create({
            'name': 'VB Officer', 'login': 'vb_officer', 'email': 'o@example.com',
            'groups_id': [(6, 0, [env.ref('vendor_billing.group_vendor_billing_officer').id])]})
        cls.manager = Users.create({
            'name': 'VB Manager', 'login': 'vb_manager', 'email': 'm@example.com',
            'groups_id': [(6, 0, [env.ref('vendor_billing.group_vendor_billing_manager').id])]})
        cls.customer = env['res.partner'].create({
            'name': 'PERUMDA Test Tirta', 'is_company': True, 'customer': True,
            'email': 'direktur@tirta.example'})
        cls.product = env['product.product'].create({
            'name': 'Langganan Test', 'type': 'service', 'list_price': 2500000,
            'taxes_id': [(5, 0, 0)]})
        cls.bank = env['res.bank'].create({'name': 'Bank Test Syariah'})
        cls.bank_account = env['res.partner.bank'].create({
            'acc_number': '1234567890', 'bank_id': cls.bank.id,
            'partner_id': cls.company.partner_id.id, 'company_id': cls.company.id})
        cls.servers = env['vendor.billing.server']
        for index, code in enumerate(['t1', 't2', 't3'], 1):
            cls.servers |= cls.servers.create({
                'name': 'Test Server %d' % index, 'code': 'test-%s' % code,
                'sequence': index})
        cls.sequence = env['ir.sequence'].create({
            'name': 'Test billing', 'prefix': 'INV', 'padding': 4,
            'implementation': 'no_gap',
            'number_next': 75})
        idr = env.ref('base.IDR')
        idr.active = True
        cls.pricelist = env['product.pricelist'].create({
            'name': 'Rupiah', 'currency_id': idr.id})
        cls.contract = cls._make_contract()

    @classmethod
    def _make_contract(cls, **extra):
        vals = {
            'name': 'Kontrak Test',
            'partner_id': cls.customer.id,
            'vendor_billing': True,
            'recurring_invoices': True,
            'recurring_rule_type': 'monthly',
            'recurring_interval': 1,
            'date_start': '2024-01-03',
            'recurring_next_date': '2024-10-03',
            'billing_sequence_id': cls.sequence.id,
            'pricelist_id': cls.pricelist.id,
            'billing_bank_account_id': cls.bank_account.id,
            'signatory_name': 'Ilham Ramadhan, S. Tr. Kom',
            'signatory_title': 'Direktur',
            'contact_phone': '0853-6188-5100',
            'contact_email': 'vendor@example.com',
            'server_ids': [(6, 0, cls.servers.ids)],
            'recurring_invoice_line_ids': [(0, 0, {
                'product_id': cls.product.id,
                'name': 'Langganan #START#',
                'quantity': 1,
                'uom_id': cls.env.ref('product.product_uom_unit').id,
                'price_unit': 2500000,
            })],
        }
        vals.update(extra)
        return cls.env['account.analytic.account'].create(vals)
