from . import vendor_billing_report
